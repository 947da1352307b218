using System.Globalization;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Grains.Payments;

/// <summary>
/// Why a payment waits in the queue (issue 16) and what a collector may choose from, in the words and shape the cash
/// matcher gives a queued statement payment: an unmatched payment lists the open invoices of exactly its amount; an
/// overpayment lists the customer's other open invoices with the surplus proposed oldest due first. Proposals only: the
/// surplus is never applied to an invoice the payer did not name without a collector.
/// </summary>
public static class PaymentQueue
{
    public const int MaxCandidates = 10;

    public static QueueView Unmatched(IncomingPayment payment, IReadOnlyList<OpenInvoice> sameAmount)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(sameAmount);
        var missing = new List<string>();
        if (!string.IsNullOrWhiteSpace(payment.InvoiceId))
        {
            missing.Add($"invoice {payment.InvoiceId} is not open in {payment.Currency}");
        }

        if (!string.IsNullOrWhiteSpace(payment.Reference))
        {
            missing.Add($"reference {payment.Reference} matches no open invoice in {payment.Currency}");
        }

        if (!string.IsNullOrWhiteSpace(payment.CustomerId))
        {
            missing.Add($"customer {payment.CustomerId} has no open invoice in {payment.Currency}");
        }

        if (missing.Count == 0)
        {
            missing.Add("no invoice id, reference or customer given");
        }

        var candidates = OldestFirst(sameAmount.Where(i => i.Outstanding == payment.Amount && SameCurrency(i, payment.Currency)))
            .Select(i => Candidate(i, 0m, "None: open amount equals the payment"))
            .ToList();
        var hint = candidates.Count == 0 ? "" : Invariant($"; {candidates.Count} open invoice(s) of exactly {payment.Amount} {payment.Currency} listed");
        return new QueueView(candidates, $"Unmatched: {string.Join("; ", missing)}{hint}.");
    }

    /// <summary>
    /// A payment applied to the invoices it named, with <paramref name="surplus"/> left over. <paramref name="customersOpen"/>
    /// are the customer's open invoices; those just paid are left out.
    /// </summary>
    public static QueueView Overpaid(decimal surplus, string currency, IReadOnlyList<PaymentAllocationResult> applied, IReadOnlyList<OpenInvoice> customersOpen)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(customersOpen);
        var paid = applied.Select(a => a.InvoiceId).ToHashSet(StringComparer.Ordinal);
        var left = surplus;
        var candidates = new List<PaymentCandidate>();
        foreach (var invoice in OldestFirst(customersOpen.Where(i => !paid.Contains(i.InvoiceId) && i.Outstanding > 0m && SameCurrency(i, currency))))
        {
            var proposed = Math.Min(left, invoice.Outstanding);
            left -= proposed;
            candidates.Add(Candidate(invoice, proposed, "OldestFirst: another open invoice of the same customer, oldest due first"));
        }

        var appliedTo = string.Join(", ", applied.Select(a => a.InvoiceId));
        return new QueueView(candidates, Invariant(
            $"Overpaid: {applied.Sum(a => a.Amount)} {currency} applied to {appliedTo}; {surplus} {currency} stays as unapplied credit: allocate it by hand or request a refund."));
    }

    private static PaymentCandidate Candidate(OpenInvoice invoice, decimal proposed, string reason) =>
        new(invoice.InvoiceId, invoice.InvoiceId, invoice.CustomerId, invoice.Outstanding, invoice.DueDate, proposed, reason);

    private static bool SameCurrency(OpenInvoice invoice, string currency) => string.Equals(invoice.Currency, currency, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<OpenInvoice> OldestFirst(IEnumerable<OpenInvoice> invoices) =>
        invoices.OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceId, StringComparer.Ordinal).Take(MaxCandidates);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
