namespace O2C.CashApplication.Matching;

/// <summary>Rules 3 to 5: no invoice named, but a payer known from earlier payments (see <see cref="MatchRule"/>).</summary>
internal static class PayerRules
{
    public static Proposal? KnownPayerAndAmount(MatchContext context)
    {
        if (context.PayerDebtor is null)
        {
            return null;
        }

        var exact = context.PayersInvoices().Where(i => context.Snapshot.Open(i) == context.Payment.Amount).ToList();
        if (exact.Count == 0)
        {
            context.Trail.Add($"No open invoice of debtor {context.PayerDebtor} is exactly {context.Payment.Amount} {context.Payment.Currency}.");
            return null;
        }

        var byIban = context.Evidence == PayerEvidence.Iban;
        var confidence = exact.Count == 1 ? (byIban ? 90 : 80) : (byIban ? 80 : 70);
        context.Trail.Add($"Debtor {context.PayerDebtor} has {exact.Count} open invoice(s) of exactly the amount: {context.Numbers(exact)}.");
        var proposal = MatchRules.Allocate(context, MatchRule.KnownPayerAndAmount, confidence, [exact[0]], exact.Count == 1
            ? $"known payer, and {context.Number(exact[0])} is exactly the amount"
            : $"known payer, {exact.Count} invoices of exactly the amount; the oldest, {context.Number(exact[0])}, taken");
        return proposal with { Candidates = exact.Skip(1).ToList() };
    }

    public static Proposal? SumOfInvoices(MatchContext context)
    {
        var invoices = context.PayersInvoices();
        if (invoices.Count < 2)
        {
            return null;
        }

        var bound = context.Options.MaxInvoicesToCombine;
        var oldest = invoices.Take(bound).ToList();
        if (invoices.Count > bound)
        {
            context.Trail.Add($"Only the {bound} oldest of debtor {context.PayerDebtor}'s {invoices.Count} open invoices are combined.");
        }

        var byIban = context.Evidence == PayerEvidence.Iban;
        var running = 0m;
        for (var k = 0; k < oldest.Count; k++)
        {
            running += context.Snapshot.Open(oldest[k]);
            if (k > 0 && running == context.Payment.Amount)
            {
                var paid = oldest.Take(k + 1).ToList();
                context.Trail.Add($"The amount is the sum of debtor {context.PayerDebtor}'s {k + 1} oldest open invoices.");
                return MatchRules.Allocate(context, MatchRule.SumOfInvoices, byIban ? 85 : 70, paid, $"the amount pays the {k + 1} oldest open invoices {context.Numbers(paid)}");
            }
        }

        var matches = new List<List<int>>();
        for (var mask = 1; mask < 1 << oldest.Count && matches.Count < 2; mask++)
        {
            if (int.PopCount(mask) < 2)
            {
                continue;
            }

            var subset = Enumerable.Range(0, oldest.Count).Where(b => (mask & (1 << b)) != 0).Select(b => oldest[b]).ToList();
            if (subset.Sum(context.Snapshot.Open) == context.Payment.Amount)
            {
                matches.Add(subset);
            }
        }

        if (matches.Count == 0)
        {
            context.Trail.Add($"No combination of debtor {context.PayerDebtor}'s open invoices adds up to the amount.");
            return null;
        }

        if (matches.Count > 1)
        {
            context.Trail.Add($"Several combinations add up to the amount, e.g. {context.Numbers(matches[0])} and {context.Numbers(matches[1])}.");
            return Proposal.Ambiguous(MatchRule.SumOfInvoices, 50, matches.SelectMany(m => m), "several combinations of invoices add up to the amount");
        }

        context.Trail.Add($"One combination adds up to the amount: {context.Numbers(matches[0])}.");
        return MatchRules.Allocate(context, MatchRule.SumOfInvoices, byIban ? 80 : 65, matches[0], $"the amount is the sum of {context.Numbers(matches[0])}");
    }

    // An undesignated payment goes to the oldest debt first: the rule of BGB §366(2) and BW 6:43, and what collectors expect.
    public static Proposal? OldestFirst(MatchContext context)
    {
        if (context.PayerDebtor is null)
        {
            return null;
        }

        var invoices = context.PayersInvoices();
        if (invoices.Count == 0)
        {
            context.Trail.Add($"Debtor {context.PayerDebtor} has no open {context.Payment.Currency} invoice.");
            return null;
        }

        return MatchRules.Allocate(context, MatchRule.OldestFirst, context.Evidence == PayerEvidence.Iban ? 80 : 60, invoices,
            $"known payer, no invoice named: debtor {context.PayerDebtor}'s invoices oldest first");
    }
}
