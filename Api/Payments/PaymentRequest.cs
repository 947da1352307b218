using O2C.Api.Validation;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Api.Payments;

public static class PaymentRequest
{
    public static ReceivePayment? Parse(JsonFields body)
    {
        var paymentId = body.Id("paymentId");
        var amount = body.Number("amount", required: true, 0, Amounts.Max, 2, minExclusive: true);
        var currency = body.Currency("currency");
        var receivedAt = body.Timestamp("receivedAt");
        var invoiceId = body.Id("invoiceId", required: false);
        var reference = body.Text("reference", required: false, maxLength: 64);
        var customerId = body.Id("customerId", required: false);
        var payerName = body.Text("payerName", required: false, maxLength: 200);
        if (body.Errors.Any)
        {
            return null;
        }

        return new ReceivePayment(paymentId!, amount!.Value, currency!, receivedAt!.Value, invoiceId, reference, customerId, payerName);
    }
}
