using O2C.CashApplication.Matching;
using O2C.CashApplication.References;

namespace O2C.CashApplication.Tests.Matching;

/// <summary>
/// A property test without a property-testing library: thousands of seeded random ledgers and payments, and the rules no
/// result may ever break. A failure names the seed, so it can be replayed.
/// </summary>
public sealed class MatchingInvariantTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Matching_never_applies_more_than_the_payment_nor_more_than_an_invoice_owes(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 500; round++)
        {
            var invoices = RandomLedger(random);
            var payers = invoices.Select(i => i.DebtorId).Distinct()
                .Select(d => new KnownPayer(d, random.Next(3) == 0 ? null : $"NL{d.GetHashCode() & 0xffff:00000}BANK", random.Next(2) == 0 ? $"Customer {d}" : null))
                .ToList();
            var snapshot = new MatchingSnapshot(invoices, payers);
            var open = invoices.ToDictionary(i => i.InvoiceId, i => i.OpenAmount);

            for (var p = 0; p < 10; p++)
            {
                var payment = RandomPayment(random, invoices, payers);
                var result = CashMatcher.Match(payment, snapshot);
                var context = $"seed {seed}, round {round}, payment {p}: {payment.Amount} {payment.Currency} '{payment.RemittanceText}' -> {result.Rule} {result.Outcome}";

                Assert.True(result.Allocated <= payment.Amount, $"{context}: allocated {result.Allocated} of {payment.Amount}");
                Assert.Equal(payment.Amount - result.Allocated, result.Unallocated);
                Assert.True(result.Outcome == MatchOutcome.Applied || result.Allocations.Count == 0, $"{context}: a queued result carries allocations");
                Assert.True(result.Outcome != MatchOutcome.Applied || result.Confidence >= MatchingOptions.Default.ApplyThreshold, $"{context}: applied below the threshold");
                foreach (var allocation in result.Allocations)
                {
                    var invoice = invoices.Single(i => i.InvoiceId == allocation.InvoiceId);
                    Assert.True(allocation.Amount > 0m, $"{context}: empty allocation");
                    Assert.True(allocation.Amount <= open[allocation.InvoiceId], $"{context}: {allocation.Amount} on {allocation.InvoiceId}, which owed {open[allocation.InvoiceId]}");
                    Assert.Equal(payment.Currency, invoice.Currency);
                    open[allocation.InvoiceId] -= allocation.Amount;
                }

                Assert.Equal(result.Allocations.Count, result.Allocations.Select(a => a.InvoiceId).Distinct().Count());
                snapshot.Apply(result);
            }
        }
    }

    private static List<OpenItem> RandomLedger(Random random)
    {
        var invoices = new List<OpenItem>();
        var count = random.Next(1, 25);
        for (var i = 0; i < count; i++)
        {
            var number = $"INV-{random.Next(1000, 1100)}-{i}";
            invoices.Add(new OpenItem(
                number,
                number,
                $"D{random.Next(4)}",
                CreditorReference.CreateIso11649(number),
                random.Next(6) == 0 ? "USD" : "EUR",
                random.Next(1, 40) * 12.5m,
                new DateOnly(2026, 1 + random.Next(12), 1 + random.Next(28))));
        }

        return invoices;
    }

    private static BankPayment RandomPayment(Random random, List<OpenItem> invoices, List<KnownPayer> payers)
    {
        var target = invoices[random.Next(invoices.Count)];
        var payer = payers[random.Next(payers.Count)];
        var amount = random.Next(5) switch
        {
            0 => target.OpenAmount,
            1 => invoices.Where(i => i.DebtorId == target.DebtorId).Take(3).Sum(i => i.OpenAmount),
            2 => Math.Max(0.01m, target.OpenAmount - 10m),
            3 => target.OpenAmount + 25m,
            _ => random.Next(1, 500) * 1.25m,
        };
        var text = random.Next(6) switch
        {
            0 => target.InvoiceNumber,
            1 => Typo(random, target.InvoiceNumber),
            2 => $"{target.InvoiceNumber} {invoices[random.Next(invoices.Count)].InvoiceNumber}",
            3 => CreditorReference.Format(CreditorReference.CreateIso11649(target.InvoiceNumber)),
            _ => "thanks",
        };
        var references = random.Next(4) == 0 ? new[] { CreditorReference.Parse(target.CreditorReference!) } : [];
        return new BankPayment($"P{random.Next()}", amount, random.Next(8) == 0 ? "USD" : "EUR", O2C.CashApplication.Camt.CreditDebit.Credit, false, null,
            references, [], text, null, random.Next(3) == 0 ? null : payer.Name, random.Next(2) == 0 ? payer.Iban : null);
    }

    private static string Typo(Random random, string text)
    {
        var at = random.Next(text.Length);
        return random.Next(3) switch
        {
            0 => text.Remove(at, 1),
            1 => text.Insert(at, "7"),
            _ => string.Concat(text.AsSpan(0, at), "9", text.AsSpan(at + 1)),
        };
    }
}
