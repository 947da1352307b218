namespace O2C.CashApplication.Matching;

/// <summary>One payment being matched: who paid (if known), which invoices are eligible, and the trail of what each rule saw.</summary>
internal sealed class MatchContext
{
    public MatchContext(BankPayment payment, MatchingSnapshot snapshot, MatchingOptions options)
    {
        Payment = payment;
        Snapshot = snapshot;
        Options = options;
        (PayerDebtor, Evidence) = IdentifyPayer();
    }

    public BankPayment Payment { get; }

    public MatchingSnapshot Snapshot { get; }

    public MatchingOptions Options { get; }

    public string? PayerDebtor { get; }

    public PayerEvidence Evidence { get; }

    public List<string> Trail { get; } = [];

    /// <summary>
    /// Still open and in the payment's currency. An invoice in another currency is never a candidate: converting would
    /// guess at a rate (as in <c>PaymentMatcher</c>).
    /// </summary>
    public bool Eligible(int item) =>
        Snapshot.Open(item) > 0m && string.Equals(Snapshot.Item(item).Currency, Payment.Currency, StringComparison.OrdinalIgnoreCase);

    public List<int> PayersInvoices() =>
        PayerDebtor is null ? [] : [.. Snapshot.OfDebtor(PayerDebtor).Where(Eligible)];

    public List<int> OldestFirst(IEnumerable<int> items) =>
        [.. items.Distinct().Order(Comparer<int>.Create((a, b) => MatchingSnapshot.Oldest(Snapshot.Item(a), Snapshot.Item(b))))];

    public string Number(int item) => Snapshot.Item(item).InvoiceNumber;

    public string Numbers(IEnumerable<int> items) => string.Join(", ", items.Select(Number));

    private (string?, PayerEvidence) IdentifyPayer()
    {
        var byIban = Snapshot.DebtorsWithIban(Payment.DebtorIban);
        var byName = Snapshot.DebtorsWithName(Payment.DebtorName);
        if (byIban.Count == 1)
        {
            var debtor = byIban.First();
            Trail.Add($"Payer: IBAN {Payment.DebtorIban} paid for debtor {debtor} before.");
            return (debtor, PayerEvidence.Iban);
        }

        if (byIban.Count > 1)
        {
            // An account shared by a group of companies: the name may still tell which of them paid.
            var both = byIban.Intersect(byName).ToList();
            Trail.Add($"Payer: IBAN {Payment.DebtorIban} paid for {byIban.Count} debtors ({string.Join(", ", byIban)}).");
            if (both.Count == 1)
            {
                Trail.Add($"Payer: of those, the name '{Payment.DebtorName}' is debtor {both[0]}'s.");
                return (both[0], PayerEvidence.Iban);
            }

            return (null, PayerEvidence.Unknown);
        }

        if (byName.Count == 1)
        {
            var debtor = byName.First();
            Trail.Add(Payment.DebtorIban is null
                ? $"Payer: the name '{Payment.DebtorName}' paid for debtor {debtor} before (no IBAN given)."
                : $"Payer: the name '{Payment.DebtorName}' paid for debtor {debtor} before (IBAN {Payment.DebtorIban} not known).");
            return (debtor, PayerEvidence.Name);
        }

        Trail.Add(byName.Count > 1
            ? $"Payer: the name '{Payment.DebtorName}' is known for {byName.Count} debtors; none chosen."
            : Payment.DebtorIban is null && string.IsNullOrWhiteSpace(Payment.DebtorName)
                ? "Payer: the bank names neither IBAN nor name."
                : $"Payer: neither IBAN {Payment.DebtorIban ?? "(none)"} nor name '{Payment.DebtorName}' is known.");
        return (null, PayerEvidence.Unknown);
    }
}
