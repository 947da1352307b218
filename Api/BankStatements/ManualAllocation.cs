using System.Globalization;
using Microsoft.AspNetCore.Http;
using O2C.Api.Validation;
using O2C.Clock;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Api.BankStatements;

/// <summary>
/// <c>POST /v1/bank-statements/entries/{paymentId}/allocate {"invoices":[{"invoiceId","amount"}]}</c>: a collector books a
/// queued statement payment by hand. It goes through the payment grain like a matched one, and the grain remembers the
/// payer's IBAN and name for the customer (<c>payer_accounts</c>): the matcher knows the payer next time.
/// </summary>
public static class ManualAllocation
{
    public const string Rule = "Manual";

    public static async Task<IResult> AllocateAsync(
        string paymentId, HttpRequest request, BankStatementStore store, IGrainFactory grains, BusinessClock clock, CancellationToken cancellationToken)
    {
        var (shares, problem) = await JsonBody.ParseAsync(request, Parse, cancellationToken);
        if (shares is null)
        {
            return problem ?? Problems.Validation("invoices", "is required");
        }

        if (await store.EntryAsync(paymentId, cancellationToken) is not { Amount: { } amount, Currency: { } currency } entry)
        {
            return Problems.NotFound($"bank statement payment {paymentId} does not exist");
        }

        if (entry.Status != EntryStatus.Unmatched)
        {
            return Problems.Conflict($"bank statement payment {paymentId} is {entry.Status}; only an unmatched one can be allocated");
        }

        var invoices = await store.InvoicesAsync([.. shares.Select(s => s.InvoiceId).Distinct(StringComparer.Ordinal)], cancellationToken);
        var errors = new FieldErrors();
        for (var i = 0; i < shares.Count; i++)
        {
            if (!invoices.TryGetValue(shares[i].InvoiceId, out var invoice))
            {
                errors.Add($"invoices[{i}].invoiceId", "does not exist");
            }
            else if (invoice.Currency != currency)
            {
                errors.Add($"invoices[{i}].invoiceId", $"is in {invoice.Currency}; the payment is in {currency}");
            }
            else if (shares.Take(i).Any(s => s.InvoiceId == shares[i].InvoiceId))
            {
                errors.Add($"invoices[{i}].invoiceId", "appears twice");
            }
        }

        if (shares.Sum(s => s.Amount) > amount)
        {
            errors.Add("invoices", string.Create(CultureInfo.InvariantCulture, $"must add up to at most the payment's {amount} {currency}"));
        }

        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        var receivedAt = entry.BookingDate is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : clock.GetUtcNow();
        var booking = await grains.GetGrain<IPaymentGrain>(paymentId).ReceiveFromStatement(new StatementPayment(
            paymentId, entry.PaymentKey, amount, currency, receivedAt, entry.DebtorName, entry.DebtorIban, Rule, 100,
            [.. shares.Select(s => new StatementAllocation(s.InvoiceId, invoices[s.InvoiceId].CustomerId, s.Amount))]));
        if (booking.Duplicate)
        {
            return Problems.Conflict($"bank statement payment {paymentId} was booked already ({booking.Status})");
        }

        var customers = booking.Allocations.Select(a => invoices[a.InvoiceId].CustomerId).Distinct(StringComparer.Ordinal).ToList();
        var learnt = customers.Count == 1 && (entry.DebtorIban ?? entry.DebtorName) is not null
            ? $"; {entry.DebtorIban ?? entry.DebtorName} is remembered as a payer for {customers[0]}"
            : "";
        var result = ImportRun.Booked(entry with { Rule = Rule, Confidence = 100 }, booking, null) with
        {
            Rule = Rule,
            Candidates = booking.Allocations.Count == 0 ? entry.Candidates : [],
            Explanation = booking.Allocations.Count == 0
                ? "Allocated by hand, but the invoices no longer owed anything: still unmatched."
                : $"Allocated by hand to {string.Join(", ", booking.Allocations.Select(a => a.InvoiceId))}{learnt}.",
        };
        await store.RecordAllocationAsync(result, cancellationToken);
        return TypedResults.Ok(result);
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

    public sealed record InvoiceShare(string InvoiceId, decimal Amount);

    /// <summary>The body, for the OpenAPI document: the invoices the entry's money goes to.</summary>
    public sealed record Allocation(IReadOnlyList<InvoiceShare> Invoices);
}
