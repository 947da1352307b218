using O2C.CashApplication.References;

namespace O2C.CashApplication.Matching;

/// <summary>
/// The matching rules, strongest evidence first, as <see cref="MatchRule"/> lists them with their confidences. Each looks
/// at the payment and returns what it would do, or null when it has nothing to say; each leaves a line in the trail.
/// </summary>
internal static class MatchRules
{
    private const string NotProvided = "NOTPROVIDED";

    public static IEnumerable<Func<MatchContext, Proposal?>> InOrder { get; } =
    [
        VerifiedReference,
        UnverifiedReference,
        InvoiceNumberInText,
        PayerRules.KnownPayerAndAmount,
        PayerRules.SumOfInvoices,
        PayerRules.OldestFirst,
    ];

    private static Proposal? VerifiedReference(MatchContext context)
    {
        var references = context.Payment.References.Concat(TextReferences.Find(context.Payment.RemittanceText)).ToList();
        foreach (var failed in references.Where(r => r.Check == CheckDigitStatus.Failed).DistinctBy(r => r.Value))
        {
            context.Trail.Add($"Reference '{failed.Raw}' fails its {failed.Scheme} check: a typo or not ours; searched as text instead.");
        }

        var items = new List<int>();
        foreach (var reference in references.Where(r => r.IsVerified).DistinctBy(r => r.Value))
        {
            var carried = context.Snapshot.ByReference(reference.Value).Where(context.Eligible).ToList();
            context.Trail.Add(carried.Count == 0
                ? $"Reference {reference.Value} verifies ({reference.Scheme}) but no open {context.Payment.Currency} invoice carries it (paid already, or not ours)."
                : $"Reference {reference.Value} verifies ({reference.Scheme}) and is on {context.Numbers(carried)}.");
            items.AddRange(carried);
        }

        return items.Count == 0
            ? null
            : Allocate(context, MatchRule.VerifiedReference, 100, context.OldestFirst(items), $"structured reference verified, on {context.Numbers(items.Distinct())}");
    }

    private static Proposal? UnverifiedReference(MatchContext context)
    {
        var items = new List<int>();
        foreach (var reference in context.Payment.References.Where(r => r.Check == CheckDigitStatus.NotCheckable).DistinctBy(r => r.Value))
        {
            var byNumber = context.Snapshot.Numbers.Exact([InvoiceNumberIndex.Compact(reference.Value)]).SelectMany(h => h.Items);
            var found = context.Snapshot.ByReference(reference.Value).Concat(byNumber).Where(context.Eligible).Distinct().ToList();
            context.Trail.Add(found.Count == 0
                ? $"Structured reference '{reference.Raw}' (no check digits) is no open invoice's reference or number."
                : $"Structured reference '{reference.Raw}' (no check digits) is {context.Numbers(found)}.");
            items.AddRange(found);
        }

        return items.Count == 0
            ? null
            : Allocate(context, MatchRule.UnverifiedReference, 90, context.OldestFirst(items), $"structured reference without check digits names {context.Numbers(items.Distinct())}");
    }

    private static Proposal? InvoiceNumberInText(MatchContext context)
    {
        var windows = TextToSearch(context.Payment).SelectMany(InvoiceNumberIndex.Windows).ToHashSet(StringComparer.Ordinal);
        var named = new List<int>();
        var ambiguous = new List<int>();
        var byFullNumber = new HashSet<int>();
        foreach (var (window, hits) in context.Snapshot.Numbers.Exact(windows))
        {
            var eligible = hits.Where(context.Eligible).ToList();
            var payers = eligible.Where(i => context.Snapshot.Item(i).DebtorId == context.PayerDebtor).ToList();
            var fits = payers.Count > 0 ? payers : eligible;
            (fits.Count == 1 ? named : ambiguous).AddRange(fits);
            if (context.Snapshot.Numbers.IsFullNumber(window))
            {
                byFullNumber.UnionWith(fits);
            }
            if (fits.Count > 1)
            {
                context.Trail.Add($"'{window}' in the text fits {fits.Count} open invoices: {context.Numbers(fits)}.");
            }
        }

        if (named.Count > 0)
        {
            var ordered = context.OldestFirst(named);
            var coreOnly = ordered.Any(i => !byFullNumber.Contains(i));
            var debtors = ordered.Select(i => context.Snapshot.Item(i).DebtorId).Distinct().Count();
            var total = ordered.Sum(context.Snapshot.Open);
            // Which of several named invoices a short payment is meant for is a guess (oldest first), hence the lower figure.
            var confidence = (debtors == 1 ? 95 : 85) - (ordered.Count > 1 && context.Payment.Amount < total ? 5 : 0);
            if (coreOnly && context.Payment.Amount != total && ordered.Any(i => context.Snapshot.Item(i).DebtorId != context.PayerDebtor))
            {
                // Only the digits, without the prefix, and neither the amount nor the payer confirms: could be any number.
                confidence = 75;
                context.Trail.Add("The number was found without its prefix, and neither the amount nor the payer confirms it.");
            }
            else if (coreOnly)
            {
                confidence = Math.Min(confidence, 90);
            }

            context.Trail.Add($"Invoice number(s) in the text: {context.Numbers(ordered)}.");
            return Allocate(context, MatchRule.InvoiceNumberInText, confidence, ordered, $"invoice number(s) {context.Numbers(ordered)} in the text");
        }

        if (ambiguous.Count > 0)
        {
            return Proposal.Ambiguous(MatchRule.InvoiceNumberInText, 40, context.OldestFirst(ambiguous), "the text fits several open invoices and nothing tells them apart");
        }

        return TypoInText(context, windows);
    }

    // "accepted only when exactly one open invoice of that debtor fits": with a known payer only their invoices count.
    private static Proposal? TypoInText(MatchContext context, HashSet<string> windows)
    {
        var hits = context.Snapshot.Numbers.OneTypo(windows)
            .SelectMany(h => h.Items.Where(context.Eligible).Select(i => (h.Window, Item: i)))
            .DistinctBy(h => h.Item)
            .ToList();
        if (hits.Count == 0)
        {
            context.Trail.Add("No open invoice number in the text, not even one typo off.");
            return null;
        }

        var payers = hits.Where(h => context.Snapshot.Item(h.Item).DebtorId == context.PayerDebtor).ToList();
        var fits = payers.Count > 0 ? payers : hits;
        if (fits.Count > 1)
        {
            context.Trail.Add($"The text is one typo from {fits.Count} open invoices: {context.Numbers(context.OldestFirst(fits.Select(f => f.Item)))}.");
            return Proposal.Ambiguous(MatchRule.InvoiceNumberWithTypo, 50, context.OldestFirst(fits.Select(f => f.Item)), $"one typo from {fits.Count} open invoices; which one is a guess");
        }

        var (window, item) = fits[0];
        var invoice = context.Snapshot.Item(item);
        var confidence = 75;
        if (context.PayerDebtor == invoice.DebtorId)
        {
            confidence += context.Evidence == PayerEvidence.Iban ? 10 : 5;
        }
        else if (context.PayerDebtor is not null)
        {
            confidence -= 15; // a known payer, but of another debtor's invoice
        }

        if (context.Payment.Amount == context.Snapshot.Open(item))
        {
            confidence += 5;
        }

        context.Trail.Add($"'{window}' in the text is one typo from {invoice.InvoiceNumber} (debtor {invoice.DebtorId}), the only open invoice that close.");
        return Allocate(context, MatchRule.InvoiceNumberWithTypo, confidence, [item], $"'{window}' read as {invoice.InvoiceNumber} (one typo)");
    }

    /// <summary>Spreads the payment over the invoices in the order given, never more than one is owed; the rest stays unallocated.</summary>
    internal static Proposal Allocate(MatchContext context, MatchRule rule, int confidence, IReadOnlyList<int> items, string explanation)
    {
        var shares = new List<(int, decimal)>();
        var left = context.Payment.Amount;
        foreach (var item in items)
        {
            var share = Math.Min(left, context.Snapshot.Open(item));
            if (share <= 0m)
            {
                break;
            }

            shares.Add((item, share));
            left -= share;
        }

        var debtors = items.Select(i => context.Snapshot.Item(i).DebtorId).Distinct().ToList();
        return new Proposal(rule, confidence, debtors.Count == 1 ? debtors[0] : null, shares, [], explanation);
    }

    // Everything a payer may have typed an invoice number into: the free text, documents referred to, references that
    // could not be verified (an RF's body is our invoice number), and the end-to-end id their ERP often fills with it.
    // Each part is tokenised on its own, so no window runs from one into the next.
    private static List<string> TextToSearch(BankPayment payment)
    {
        var parts = new List<string> { payment.RemittanceText };
        parts.AddRange(payment.ReferredDocuments);
        foreach (var reference in payment.References.Where(r => !r.IsVerified))
        {
            parts.Add(reference.Scheme == ReferenceScheme.Iso11649 && reference.Value.Length > 4 ? reference.Value[4..] : reference.Raw);
        }

        if (payment.EndToEndId is { } endToEnd && !endToEnd.Equals(NotProvided, StringComparison.OrdinalIgnoreCase))
        {
            parts.Add(endToEnd);
        }

        return parts;
    }
}
