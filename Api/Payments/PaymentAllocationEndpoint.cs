using System.Globalization;
using Microsoft.AspNetCore.Http;
using O2C.Api.BankStatements;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Api.Payments;

/// <summary>
/// <c>POST /v1/payments/{paymentId}/allocate {"invoices":[{"invoiceId","amount"}]}</c> (issue 16): a collector applies a
/// payment's unapplied money by hand, a JSON payment or a statement payment alike, an unmatched one or an overpayment's
/// surplus. It goes through the payment grain like a match; the payer's IBAN and name are remembered for the invoices'
/// customer (<c>payer_accounts</c>), so the cash matcher knows the payer next time.
/// </summary>
public static class PaymentAllocationEndpoint
{
    public static async Task<IResult> AllocateAsync(
        string paymentId, HttpRequest request, PaymentQueueStore store, BankStatementStore statements, JsonQueries queries, IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        var (shares, problem) = await JsonBody.ParseAsync(request, Parse, cancellationToken);
        if (shares is null)
        {
            return problem ?? Problems.Validation("invoices", "is required");
        }

        if (await store.FindAsync(paymentId, cancellationToken) is not { } payment)
        {
            return PaymentProblems.NotFound("paymentId", $"payment {paymentId} does not exist");
        }

        if (Unavailable(payment) is { } why)
        {
            return PaymentProblems.Conflict("paymentId", $"payment {paymentId} is {payment.Status}: {why}; only unapplied money can be allocated");
        }

        var invoices = await store.InvoicesAsync([.. shares.Select(s => s.InvoiceId).Distinct(StringComparer.Ordinal)], cancellationToken);
        if (Check(shares, invoices, payment) is { Any: true } errors)
        {
            return Problems.Validation(errors);
        }

        await PaymentGrains.EnsureAsync(payment, grains);
        var action = await grains.GetGrain<IPaymentGrain>(paymentId).Allocate(new AllocatePayment(
            [.. shares.Select(s => new StatementAllocation(s.InvoiceId, invoices[s.InvoiceId].CustomerId, s.Amount))],
            payment.ReceivedAt, payment.PayerName, payment.PayerIban));
        switch (action.Outcome)
        {
            case PaymentActionOutcome.Unknown:
                return PaymentProblems.NotFound("paymentId", action.Detail);
            case PaymentActionOutcome.Refused:
                return PaymentProblems.Conflict("paymentId", $"payment {paymentId}: {action.Detail}");
            case PaymentActionOutcome.OverAllocated:
                return Problems.Validation("invoices", action.Detail);
        }

        if (payment.IsFromStatement && action.Payment is { } booked)
        {
            await statements.RecordBookingAsync(booked, AllocatePayment.Rule, action.Detail, cancellationToken);
        }

        return await PaymentEndpoints.GetAsync(paymentId, queries, cancellationToken);
    }

    private static string? Unavailable(PaymentRecord payment) => payment.Status switch
    {
        PaymentStatus.RefundRequested => "a refund was requested for it",
        _ when payment.Unallocated <= 0m => "applied in full",
        _ => null,
    };

    private static FieldErrors Check(List<InvoiceShare> shares, Dictionary<string, OpenInvoiceFacts> invoices, PaymentRecord payment)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < shares.Count; i++)
        {
            var share = shares[i];
            if (!invoices.TryGetValue(share.InvoiceId, out var invoice))
            {
                errors.Add($"invoices[{i}].invoiceId", "does not exist");
            }
            else if (invoice.Currency != payment.Currency)
            {
                errors.Add($"invoices[{i}].invoiceId", $"is in {invoice.Currency}; the payment is in {payment.Currency}");
            }
            else if (shares.Take(i).Any(s => s.InvoiceId == share.InvoiceId))
            {
                errors.Add($"invoices[{i}].invoiceId", "appears twice");
            }
            else if (share.Amount > invoice.Outstanding)
            {
                errors.Add($"invoices[{i}].amount", string.Create(CultureInfo.InvariantCulture, $"is more than the {invoice.Outstanding} {invoice.Currency} still owed on {share.InvoiceId}"));
            }
        }

        if (shares.Sum(s => s.Amount) > payment.Unallocated)
        {
            errors.Add("invoices", string.Create(CultureInfo.InvariantCulture, $"must add up to at most the payment's unapplied {payment.Unallocated} {payment.Currency}"));
        }

        return errors;
    }

    private static List<InvoiceShare>? Parse(JsonFields body)
    {
        var items = body.Array("invoices", required: true, 1, 100);
        var shares = new List<InvoiceShare>();
        foreach (var (item, path) in items ?? [])
        {
            if (JsonFields.For(item, path, body.Errors, body.Limits) is not { } fields)
            {
                continue;
            }

            var invoiceId = fields.Id("invoiceId");
            var amount = fields.Number("amount", required: true, 0, Amounts.Max, 2, minExclusive: true);
            if (invoiceId is not null && amount is not null)
            {
                shares.Add(new InvoiceShare(invoiceId, amount.Value));
            }
        }

        return body.Errors.Any ? null : shares;
    }

    /// <summary>The request body, as OpenAPI documents it.</summary>
    public sealed record Allocation(IReadOnlyList<InvoiceShare> Invoices);

    public sealed record InvoiceShare(string InvoiceId, decimal Amount);
}
