using O2C.CashApplication.Camt;

namespace O2C.CashApplication.Matching;

/// <summary>
/// Cash application for bank statement entries, as a pure function: one payment and a snapshot of open invoices and known
/// payers in, one <see cref="MatchResult"/> out that says how it matched and how sure it is. The rules are tried in the
/// order of <see cref="MatchRule"/>; the first whose confidence reaches <see cref="MatchingOptions.ApplyThreshold"/> is
/// applied. When none does, the payment is queued with the best guess and every candidate seen, and nothing is booked.
/// </summary>
/// <remarks>
/// Invariants, whatever the input: allocations are positive, never more than an invoice's open amount, never more in total
/// than the payment; an invoice in another currency is never touched. An overpayment is left unallocated (the collector
/// decides on a refund), as <c>PaymentMatcher</c> does for a JSON payment that names its invoice.
/// </remarks>
public static class CashMatcher
{
    public static MatchResult Match(BankPayment payment, MatchingSnapshot snapshot, MatchingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= MatchingOptions.Default;

        if (payment.Direction == CreditDebit.Debit || payment.IsReversal)
        {
            return Ignored(payment, payment.IsReversal ? "A reversal: kept on record, not matched." : "A debit: kept on record, not matched.");
        }

        if (payment.Amount <= 0m)
        {
            return Ignored(payment, "A credit of zero: nothing to apply.");
        }

        var context = new MatchContext(payment, snapshot, options);
        var proposals = new List<Proposal>();
        foreach (var rule in MatchRules.InOrder)
        {
            if (rule(context) is not { } proposal)
            {
                continue;
            }

            if (proposal.Shares.Count > 0 && proposal.Confidence >= options.ApplyThreshold)
            {
                return Applied(context, proposal);
            }

            context.Trail.Add($"{proposal.Rule} at {proposal.Confidence}: below the threshold of {options.ApplyThreshold}, not applied.");
            proposals.Add(proposal);
        }

        return Queued(context, proposals);
    }

    /// <summary>Matches every payment of an entry (one, or each transfer of a split batch), taking each applied one off the snapshot.</summary>
    public static IReadOnlyList<MatchResult> MatchEntry(StatementEntry entry, MatchingSnapshot snapshot, MatchingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var results = new List<MatchResult>();
        foreach (var payment in BankPayment.FromEntry(entry))
        {
            var result = Match(payment, snapshot, options);
            snapshot.Apply(result);
            results.Add(result);
        }

        return results;
    }

    private static MatchResult Applied(MatchContext context, Proposal proposal)
    {
        var allocations = proposal.Shares.Select(s =>
        {
            var item = context.Snapshot.Item(s.Item);
            return new InvoiceAllocation(item.InvoiceId, item.InvoiceNumber, item.DebtorId, s.Amount, s.Amount == context.Snapshot.Open(s.Item));
        }).ToList();
        var unallocated = context.Payment.Amount - allocations.Sum(a => a.Amount);
        var candidates = Candidates(context, [proposal with { Shares = [] }]);
        return new MatchResult(
            context.Payment.PaymentKey,
            MatchOutcome.Applied,
            proposal.Rule,
            proposal.Confidence,
            proposal.DebtorId,
            allocations,
            unallocated,
            candidates,
            $"{Capitalised(proposal.Explanation)}; {AmountPhrase(context, allocations, unallocated)}.",
            context.Trail);
    }

    private static MatchResult Queued(MatchContext context, List<Proposal> proposals)
    {
        var best = proposals.OrderByDescending(p => p.Confidence).FirstOrDefault();
        if (best is null)
        {
            // Nothing to go on: show the collector the invoices of exactly this amount, which is where they would look first.
            var sameAmount = context.OldestFirst(context.Snapshot.WithOpenAmount(context.Payment.Amount).Where(context.Eligible));
            var hint = Proposal.Ambiguous(MatchRule.None, 0, sameAmount, "open amount equals the payment");
            return new MatchResult(
                context.Payment.PaymentKey, MatchOutcome.Queued, MatchRule.None, 0, context.PayerDebtor, [], context.Payment.Amount,
                Candidates(context, [hint]),
                "Unmatched: no reference, no invoice number and no known payer.",
                context.Trail);
        }

        return new MatchResult(
            context.Payment.PaymentKey,
            MatchOutcome.Queued,
            best.Rule,
            best.Confidence,
            best.DebtorId ?? context.PayerDebtor,
            [],
            context.Payment.Amount,
            Candidates(context, [best, .. proposals.Where(p => p != best)]),
            $"Queued: {best.Explanation} (confidence {best.Confidence}, below {context.Options.ApplyThreshold}).",
            context.Trail);
    }

    private static List<MatchCandidate> Candidates(MatchContext context, IEnumerable<Proposal> proposals)
    {
        var seen = new HashSet<int>();
        var candidates = new List<MatchCandidate>();
        foreach (var proposal in proposals)
        {
            var items = proposal.Shares.Concat(proposal.Candidates.Select(c => (Item: c, Amount: 0m)));
            foreach (var (index, amount) in items)
            {
                if (candidates.Count < context.Options.MaxCandidates && seen.Add(index))
                {
                    var item = context.Snapshot.Item(index);
                    candidates.Add(new MatchCandidate(item.InvoiceId, item.InvoiceNumber, item.DebtorId, context.Snapshot.Open(index), item.DueDate, amount,
                        $"{proposal.Rule}: {proposal.Explanation}"));
                }
            }
        }

        return candidates;
    }

    private static string AmountPhrase(MatchContext context, List<InvoiceAllocation> allocations, decimal unallocated)
    {
        var currency = context.Payment.Currency;
        if (unallocated > 0m)
        {
            return $"overpaid by {unallocated} {currency}, left unallocated";
        }

        var partial = allocations.Where(a => !a.SettlesInvoice).ToList();
        return partial.Count == 0
            ? "paid in full"
            : $"partial: {string.Join(", ", partial.Select(a => $"{a.Amount} {currency} on {a.InvoiceNumber}, which stays open"))}";
    }

    private static MatchResult Ignored(BankPayment payment, string explanation) =>
        new(payment.PaymentKey, MatchOutcome.Ignored, MatchRule.None, 0, null, [], payment.Amount, [], explanation, []);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
