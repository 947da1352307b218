using Microsoft.AspNetCore.Http;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Api.Payments;

/// <summary>
/// <c>POST /v1/payments/{paymentId}/refund-request {"reason"}</c> (issue 16): a collector marks a payment's unapplied money
/// (an overpayment's surplus, or a payment for nobody) to be paid back. The payment shows as <c>RefundRequested</c> and
/// leaves the queue; its grain records a <c>RefundRequested</c> audit event. Refused (409) for a payment applied in full.
/// The refund itself is paid outside O2C.
/// </summary>
public static class RefundRequestEndpoint
{
    public const int MaxReasonLength = 500;

    /// <summary>The request body, as OpenAPI documents it.</summary>
    public sealed record RefundRequest(string Reason);

    public static async Task<IResult> RequestAsync(
        string paymentId, HttpRequest request, PaymentQueueStore store, JsonQueries queries, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (reason, problem) = await JsonBody.ParseAsync(request, body => body.Text("reason", required: true, MaxReasonLength), cancellationToken);
        if (reason is null)
        {
            return problem ?? Problems.Validation("reason", "is required");
        }

        if (await store.FindAsync(paymentId, cancellationToken) is not { } payment)
        {
            return PaymentProblems.NotFound("paymentId", $"payment {paymentId} does not exist");
        }

        await PaymentGrains.EnsureAsync(payment, grains);
        var action = await grains.GetGrain<IPaymentGrain>(paymentId).RequestRefund(new RequestRefund(reason));
        return action.Outcome switch
        {
            PaymentActionOutcome.Unknown => PaymentProblems.NotFound("paymentId", action.Detail),
            PaymentActionOutcome.Refused => PaymentProblems.Conflict("paymentId", $"payment {paymentId}: {action.Detail}; only unapplied money can be refunded"),
            _ => await PaymentEndpoints.GetAsync(paymentId, queries, cancellationToken),
        };
    }
}
