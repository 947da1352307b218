using O2C.Grains.Interfaces.Payments;

namespace O2C.Api.Payments;

internal static class PaymentGrains
{
    /// <summary>
    /// A statement payment the import queued has its row but no grain yet (booking 20,000 strangers' transfers through
    /// grains would cost the import seconds): before a collector's action, it is booked as unmatched, with what the queue
    /// shows. A payment with a grain answers that call as a duplicate and stays as it is.
    /// </summary>
    public static Task EnsureAsync(PaymentRecord payment, IGrainFactory grains) =>
        payment is { IsFromStatement: true, PaymentKey: { } key }
            ? grains.GetGrain<IPaymentGrain>(payment.PaymentId).ReceiveFromStatement(new StatementPayment(
                payment.PaymentId, key, payment.Amount, payment.Currency, payment.ReceivedAt, payment.PayerName, payment.PayerIban, "",
                payment.Confidence ?? 0, [], payment.Candidates, payment.Explanation))
            : Task.CompletedTask;
}
