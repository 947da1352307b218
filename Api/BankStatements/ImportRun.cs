using O2C.CashApplication.Camt;
using O2C.CashApplication.Matching;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Api.BankStatements;

/// <summary>
/// Pass 2 of one import, entry by entry: an entry recorded before gets its stored result; a new one is matched against
/// the snapshot, which takes every applied result off at once, so two transfers for one invoice never pay it twice.
/// Matching is sequential (the snapshot must stay true); booking an applied payment is a grain call, and up to
/// <see cref="BankStatementOptions.MaxPaymentsInFlight"/> of them run while matching goes on.
/// </summary>
internal sealed class ImportRun(
    MatchingSnapshot snapshot,
    Dictionary<string, List<EntryResult>> stored,
    HashSet<string> booked,
    IGrainFactory grains,
    TimeProvider clock,
    BankStatementOptions options) : IDisposable
{
    private readonly MatchingOptions _matching = options.Matching;
    private readonly SemaphoreSlim _gate = new(options.MaxPaymentsInFlight);

    // Entries met earlier in this document (two statements of one file may overlap): the repeat is a duplicate of the first.
    private readonly Dictionary<string, List<Task<EntryResult>>> _seen = new(StringComparer.Ordinal);

    /// <summary>The queued payments of this import by payment id, as the bank sent them: recorded to be matched again later.</summary>
    public Dictionary<string, QueuedStatementPayment> Queued { get; } = new(StringComparer.Ordinal);

    /// <summary>A payment's result, and whether it is new (to be recorded) rather than a repeat of a recorded one.</summary>
    public readonly record struct Pending(Task<EntryResult> Result, bool New);

    public async Task AddAsync(StatementEntry entry, List<Pending> pending, CancellationToken cancellationToken)
    {
        if (Repeat(entry.EntryKey, pending))
        {
            return;
        }

        var results = new List<Task<EntryResult>>();
        var payments = BankPayment.FromEntry(entry);
        for (var i = 0; i < payments.Count; i++)
        {
            var payment = payments[i];
            var basis = Basis(entry, payment, payment.PaymentKey == entry.EntryKey ? 0 : i + 1);
            if (booked.Contains(basis.PaymentId))
            {
                // A payment grain holds it, but bank_entries does not: an import that broke off in between. The grain's result stands.
                await _gate.WaitAsync(cancellationToken);
                results.Add(BookAsync(basis, payment, null));
                continue;
            }

            var match = CashMatcher.Match(payment, snapshot, _matching);
            snapshot.Apply(match);
            switch (match.Outcome)
            {
                case MatchOutcome.Applied:
                    await _gate.WaitAsync(cancellationToken);
                    results.Add(BookAsync(basis, payment, match));
                    break;
                case MatchOutcome.Queued:
                    Queued[basis.PaymentId] = new QueuedStatementPayment(payment, match.DebtorId);
                    results.Add(Task.FromResult(basis with
                    {
                        Status = EntryStatus.Unmatched, Rule = match.Rule.ToString(), Confidence = match.Confidence,
                        Candidates = match.Candidates, Explanation = match.Explanation,
                    }));
                    break;
                default:
                    results.Add(Task.FromResult(basis with { Status = EntryStatus.Ignored, Explanation = match.Explanation }));
                    break;
            }
        }

        _seen[entry.EntryKey] = results;
        pending.AddRange(results.Select(r => new Pending(r, true)));
    }

    public void Add(UnreadableEntry entry, List<Pending> pending)
    {
        if (Repeat(entry.EntryKey, pending))
        {
            return;
        }

        var result = Task.FromResult(new EntryResult(
            PaymentIds.For(entry.EntryKey), entry.EntryKey, 0, entry.Statement.Value, entry.Index, EntryStatus.Unreadable,
            null, null, null, null, null, null, null, 0, [], 0m, [], $"Unreadable (line {entry.LineNumber}): {entry.Reason}"));
        _seen[entry.EntryKey] = [result];
        pending.Add(new Pending(result, true));
    }

    public void Dispose() => _gate.Dispose();

    private bool Repeat(string entryKey, List<Pending> pending)
    {
        if (stored.TryGetValue(entryKey, out var earlier))
        {
            pending.AddRange(earlier.Select(r => new Pending(Task.FromResult(r with { Duplicate = true }), false)));
            return true;
        }

        if (_seen.TryGetValue(entryKey, out var first))
        {
            pending.AddRange(first.Select(r => new Pending(AsDuplicateAsync(r), false)));
            return true;
        }

        return false;
    }

    private static async Task<EntryResult> AsDuplicateAsync(Task<EntryResult> first) => (await first) with { Duplicate = true };

    private async Task<EntryResult> BookAsync(EntryResult basis, BankPayment payment, MatchResult? match)
    {
        try
        {
            var booking = await grains.GetGrain<IPaymentGrain>(basis.PaymentId).ReceiveFromStatement(Booking(basis.PaymentId, payment, match, clock.GetUtcNow()));
            return Booked(basis, booking, match);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>What the payment grain is told of a statement payment: the match's allocations (none when only booking it as it stands).</summary>
    internal static StatementPayment Booking(string paymentId, BankPayment payment, MatchResult? match, DateTimeOffset now) => new(
        paymentId,
        payment.PaymentKey,
        payment.Amount,
        payment.Currency,
        payment.BookingDate is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now,
        payment.DebtorName,
        PayerNames.NormalizeIban(payment.DebtorIban),
        match?.Rule.ToString() ?? "",
        match?.Confidence ?? 0,
        [.. match?.Allocations.Select(a => new StatementAllocation(a.InvoiceId, a.DebtorId, a.Amount)) ?? []],
        [.. match?.Candidates.Select(c => new PaymentCandidate(c.InvoiceId, c.InvoiceNumber, c.DebtorId, c.OpenAmount, c.DueDate, c.ProposedAmount, c.Reason)) ?? []],
        match?.Explanation);

    internal static EntryStatus StatusOf(PaymentStatus status) => status switch
    {
        PaymentStatus.Matched => EntryStatus.Matched,
        PaymentStatus.PartiallyMatched or PaymentStatus.Overpaid => EntryStatus.PartiallyMatched,
        _ => EntryStatus.Unmatched,
    };

    internal static EntryResult Booked(EntryResult basis, PaymentResult booking, MatchResult? match)
    {
        var status = StatusOf(booking.Status);
        var explanation = match is null
            ? $"Booked before as {booking.Status}{(booking.MatchedBy is null ? "" : $" by {booking.MatchedBy}")}."
            : status == EntryStatus.Unmatched
                ? $"Not applied: the invoice(s) no longer owed it (paid in the meantime). The match was: {match.Explanation}"
                : match.Explanation;
        return basis with
        {
            Status = status,
            Rule = booking.MatchedBy ?? match?.Rule.ToString(),
            Confidence = match?.Confidence ?? basis.Confidence,
            Allocations = booking.Allocations,
            Unallocated = booking.Unallocated,
            Candidates = status == EntryStatus.Unmatched ? match?.Candidates ?? [] : [],
            Explanation = explanation,
            Duplicate = booking.Duplicate,
        };
    }

    private static EntryResult Basis(StatementEntry entry, BankPayment payment, int part) => new(
        PaymentIds.For(payment.PaymentKey),
        entry.EntryKey,
        part,
        entry.Statement.Value,
        entry.Index,
        EntryStatus.Unmatched,
        payment.Amount,
        payment.Currency,
        entry.IsReversal ? $"{entry.Direction} (reversal)" : entry.Direction.ToString(),
        payment.BookingDate,
        payment.DebtorName,
        PayerNames.NormalizeIban(payment.DebtorIban),
        null,
        0,
        [],
        payment.Amount,
        [],
        "");
}
