using O2C.Grains.Invoicing;

namespace O2C.Grains.Payments;

/// <summary>
/// Cash application: ties an incoming payment to open invoices. The evidence is tried from
/// strongest to weakest: invoice id, payment reference, then the customer with an invoice of
/// exactly the paid amount, then the customer's invoices oldest due first. An invoice in another
/// currency is never a candidate: converting would guess at a rate. A payment that names its
/// customer and covers more than the first invoice spills over to that customer's other invoices,
/// oldest due first; whatever is left is reported, never silently kept.
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
            return Allocate(MatchedBy.InvoiceId, payment, byId, open);
        }

        if (!string.IsNullOrWhiteSpace(payment.Reference))
        {
            var reference = PaymentReference.Normalize(payment.Reference);
            if (open.FirstOrDefault(i => PaymentReference.Normalize(i.PaymentReference) == reference) is { } byReference)
            {
                return Allocate(MatchedBy.Reference, payment, byReference, open);
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

    private static PaymentMatch Allocate(MatchedBy matchedBy, IncomingPayment payment, OpenInvoice first, List<OpenInvoice> open)
    {
        var rest = string.IsNullOrWhiteSpace(payment.CustomerId) || !IsCustomers(first, payment)
            ? []
            : OldestFirst(open.Where(i => IsCustomers(i, payment) && !ReferenceEquals(i, first)));
        return Spread(matchedBy, payment.Amount, [first, .. rest]);
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
