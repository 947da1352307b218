using O2C.Grains.Invoicing;

namespace O2C.Grains.Payments;

/// <summary>
/// Cash application: ties an incoming payment to open invoices. The evidence is tried from
/// strongest to weakest: invoice id, payment reference, then the customer with an invoice of
/// exactly the paid amount, then the customer's invoices oldest due first. An invoice in another
/// currency is never a candidate: converting would guess at a rate. A payment that names an invoice
/// (by id or reference) pays that invoice only, as a bank statement payment does: the surplus stays on
/// the payment as unapplied credit (<c>Overpaid</c>) for a collector to allocate or refund, never spread
/// over invoices the payer did not name. A payment that names only its customer pays that customer's
/// invoices oldest due first (BGB §366(2), BW 6:43), and only what is left over all of them stays.
/// </summary>
public static class PaymentMatcher
{
    public static PaymentMatch Match(IncomingPayment payment, IEnumerable<OpenInvoice> candidates)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(candidates);
        if (payment.Amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(payment), payment.Amount, "A payment amount must be positive.");
        }

        var open = candidates
            .Where(i => i.Outstanding > 0m && string.Equals(i.Currency, payment.Currency, StringComparison.OrdinalIgnoreCase))
            .ToList();

        if (!string.IsNullOrWhiteSpace(payment.InvoiceId)
            && open.FirstOrDefault(i => string.Equals(i.InvoiceId, payment.InvoiceId.Trim(), StringComparison.OrdinalIgnoreCase)) is { } byId)
        {
            return Spread(MatchedBy.InvoiceId, payment.Amount, [byId]);
        }

        if (!string.IsNullOrWhiteSpace(payment.Reference))
        {
            var reference = PaymentReference.Normalize(payment.Reference);
            if (open.FirstOrDefault(i => PaymentReference.Normalize(i.PaymentReference) == reference) is { } byReference)
            {
                return Spread(MatchedBy.Reference, payment.Amount, [byReference]);
            }
        }

        if (string.IsNullOrWhiteSpace(payment.CustomerId))
        {
            return Unmatched(payment);
        }

        var customers = OldestFirst(open.Where(i => IsCustomers(i, payment)));
        if (customers.FirstOrDefault(i => i.Outstanding == payment.Amount) is { } exact)
        {
            return new PaymentMatch(MatchedBy.CustomerAndAmount, [new PaymentAllocation(exact.InvoiceId, exact.Outstanding)], 0m);
        }

        return customers.Count > 0
            ? Spread(MatchedBy.CustomerOldestFirst, payment.Amount, customers)
            : Unmatched(payment);
    }

    private static PaymentMatch Spread(MatchedBy matchedBy, decimal amount, IReadOnlyList<OpenInvoice> invoices)
    {
        var allocations = new List<PaymentAllocation>();
        var left = amount;
        foreach (var invoice in invoices)
        {
            if (left <= 0m)
            {
                break;
            }

            var share = Math.Min(left, invoice.Outstanding);
            allocations.Add(new PaymentAllocation(invoice.InvoiceId, share));
            left -= share;
        }

        return new PaymentMatch(matchedBy, allocations, left);
    }

    private static bool IsCustomers(OpenInvoice invoice, IncomingPayment payment) =>
        string.Equals(invoice.CustomerId, payment.CustomerId, StringComparison.OrdinalIgnoreCase);

    // Invoice id breaks ties so the same input always gives the same allocation.
    private static List<OpenInvoice> OldestFirst(IEnumerable<OpenInvoice> invoices) =>
        invoices.OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceId, StringComparer.Ordinal).ToList();

    private static PaymentMatch Unmatched(IncomingPayment payment) => new(MatchedBy.Unmatched, [], payment.Amount);
}
