using O2C.Clock;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using O2C.Grains.Common;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Payments;
using O2C.Storage;
using O2C.Telemetry;

namespace O2C.Grains.Payments;

/// <summary>
/// One incoming payment: matched against open invoices (invoice id, then reference, then
/// customer and amount), applied to each allocated invoice, and remembered so a retry of the
/// same payment id returns the first result instead of paying twice. A bank statement payment
/// arrives matched already (<see cref="ReceiveFromStatement"/>: the cash matcher or a collector
/// decided) and teaches who pays for whom. Money left unapplied (unmatched, or an overpayment's
/// surplus) waits in the queue until a collector allocates it or asks for a refund (issue 16).
/// </summary>
[GrainType("payment")]
public sealed class PaymentGrain(
    [PersistentState("payment", StorageNames.Grains)] IPersistentState<PaymentState> state,
    BusinessClock clock,
    GrainRows grainRows,
    OpenInvoiceQuery openInvoices,
    O2CMetrics metrics) : DomainGrain<PaymentState>(state, clock, grainRows), IPaymentGrain
{
    protected override string KeyAttribute => O2CTracing.PaymentId;

    public async Task<PaymentResult> Receive(ReceivePayment payment)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payment with { Amount = payment.Amount / 1.00000000000000000000m }, RowJson.Options))));
        if (State.Result is { } first)
        {
            return State.ContentHash == hash
                ? first with { Duplicate = true }
                : first with { Conflict = true };
        }

        var incoming = new IncomingPayment(payment.Amount, payment.Currency, payment.InvoiceId, payment.Reference, payment.CustomerId, payment.PayerName);
        var open = await openInvoices.CandidatesAsync(incoming);
        var match = PaymentMatcher.Match(incoming, open);
        var allocations = await ApplyAsync(payment.PaymentId, match.Allocations.Select(a => (a.InvoiceId, a.Amount)), payment.ReceivedAt);
        var result = Result(payment.PaymentId, payment.Amount, allocations.Count == 0 ? null : match.MatchedBy.ToString(), allocations);
        var queue = result.Status == PaymentStatus.Unmatched
            ? PaymentQueue.Unmatched(incoming, await openInvoices.WithOutstandingAsync(payment.Amount, payment.Currency))
            : await OverpaidAsync(result, payment.Currency, open.FirstOrDefault(i => allocations.Any(a => a.InvoiceId == i.InvoiceId))?.CustomerId);
        State.ContentHash = hash;
        State.Result = result;
        var rows = new CommitRows()
            .Audit("PaymentReceived", new { payment, result.Status, result.MatchedBy, allocations, result.Unallocated })
            .OnCommitted(() => metrics.PaymentReceived(Outcome(result.Status)))
            .Project(
                PaymentRows.Received,
                payment.PaymentId, hash, payment.Amount, payment.Currency, payment.ReceivedAt, payment.InvoiceId, payment.Reference,
                payment.CustomerId, payment.PayerName, null, result.Status.ToString(), result.MatchedBy, null, Json(allocations), result.Unallocated,
                Json(queue.Candidates), Explanation(queue), "api", Now);
        await SaveAsync(rows);
        return result;
    }

    public async Task<PaymentResult> ReceiveFromStatement(StatementPayment payment)
    {
        // A statement entry is booked once. A re-import may match it otherwise (its invoices are paid by now), so a repeat is
        // a duplicate whatever it carries, never a conflict. Only a payment nothing was applied of may still be allocated.
        if (State.Result is { } first && (first.Status != PaymentStatus.Unmatched || payment.Allocations.Count == 0))
        {
            return first with { Duplicate = true };
        }

        var allocations = await ApplyAsync(payment.PaymentId, payment.Allocations.Select(a => (a.InvoiceId, a.Amount)), payment.ReceivedAt);
        var customer = SingleCustomer(payment.Allocations, allocations);
        var result = Result(payment.PaymentId, payment.Amount, allocations.Count == 0 ? null : payment.MatchedBy, allocations);
        var queue = result.Status switch
        {
            PaymentStatus.Unmatched => new QueueView(payment.Candidates ?? [], payment.Explanation ?? ""),
            PaymentStatus.Overpaid => await OverpaidAsync(result, payment.Currency, customer),
            _ => new QueueView([], payment.Explanation ?? ""),
        };
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payment.EntryKey)));
        State.ContentHash = hash;
        State.Result = result;
        var rows = new CommitRows()
            .Audit("PaymentReceivedFromStatement", new { payment, result.Status, allocations, result.Unallocated })
            .OnCommitted(() => metrics.PaymentReceived(Outcome(result.Status)))
            .Project(
                PaymentRows.ReceivedFromStatement,
                payment.PaymentId, hash, payment.Amount, payment.Currency, payment.ReceivedAt, allocations.Count == 1 ? allocations[0].InvoiceId : null, null,
                customer, payment.DebtorName, payment.DebtorIban, result.Status.ToString(), result.MatchedBy, payment.Confidence, Json(allocations),
                result.Unallocated, Json(queue.Candidates), Explanation(queue), "statement", Now);
        Learn(rows, customer, payment.DebtorIban, payment.DebtorName);
        await SaveAsync(rows);
        return result;
    }

    public async Task<PaymentAction> Allocate(AllocatePayment allocation)
    {
        if (State.Result is not { } before)
        {
            return new PaymentAction(PaymentActionOutcome.Unknown, null, $"payment {Key} does not exist");
        }

        if (Refused(before) is { } refused)
        {
            return new PaymentAction(PaymentActionOutcome.Refused, before, refused);
        }

        var asked = allocation.Allocations.Sum(a => a.Amount);
        if (asked > before.Unallocated)
        {
            return new PaymentAction(PaymentActionOutcome.OverAllocated, before, Invariant(
                $"the invoices' amounts add up to {asked}, more than the {before.Unallocated} of payment {Key} not yet applied"));
        }

        var applied = await ApplyAsync(Key, allocation.Allocations.Select(a => (a.InvoiceId, a.Amount)), allocation.ReceivedAt);
        var merged = before.Allocations.Concat(applied)
            .GroupBy(a => a.InvoiceId, StringComparer.Ordinal)
            .Select(g => new PaymentAllocationResult(g.Key, g.Sum(a => a.Amount), g.Last().OutstandingAfter))
            .ToList();
        var total = before.Allocations.Sum(a => a.Amount) + before.Unallocated;
        var matchedBy = applied.Count == 0 ? before.MatchedBy : before.MatchedBy is null ? AllocatePayment.Rule : $"{before.MatchedBy}+{AllocatePayment.Rule}";
        var result = Result(Key, total, matchedBy, merged);
        var customer = SingleCustomer(allocation.Allocations, applied);
        var explanation = applied.Count == 0
            ? "Allocated by hand, but the invoices no longer owed anything: nothing applied."
            : Invariant($"Allocated by hand: {applied.Sum(a => a.Amount)} to {string.Join(", ", applied.Select(a => a.InvoiceId))}")
              + (result.Unallocated > 0 ? Invariant($"; {result.Unallocated} still unapplied.") : ".");
        State.Result = result;
        var rows = new CommitRows()
            .Audit("PaymentAllocatedByHand", new { allocation.Allocations, applied, result.Status, result.Unallocated })
            .Project(
                PaymentRows.Changed,
                Key, result.Status.ToString(), result.MatchedBy, Json(merged), result.Unallocated, customer,
                result.Status == PaymentStatus.Matched ? Json(Array.Empty<PaymentCandidate>()) : null, explanation, null, null, Now);
        Learn(rows, customer, allocation.PayerIban, allocation.PayerName);
        await SaveAsync(rows);
        return new PaymentAction(PaymentActionOutcome.Done, result, explanation);
    }

    public async Task<PaymentAction> RequestRefund(RequestRefund request)
    {
        if (State.Result is not { } before)
        {
            return new PaymentAction(PaymentActionOutcome.Unknown, null, $"payment {Key} does not exist");
        }

        if (State.Refund is { } asked)
        {
            return asked.Reason == request.Reason
                ? new PaymentAction(PaymentActionOutcome.Duplicate, before, "refund requested already, with this reason")
                : new PaymentAction(PaymentActionOutcome.Refused, before, Invariant($"a refund of {asked.Amount} was requested already ({asked.Reason})"));
        }

        if (Refused(before) is { } refused)
        {
            return new PaymentAction(PaymentActionOutcome.Refused, before, refused);
        }

        var refund = new PaymentRefund(request.Reason, before.Unallocated, Now);
        var result = before with { Status = PaymentStatus.RefundRequested };
        var explanation = Invariant($"Refund of {refund.Amount} requested: {refund.Reason}");
        State.Refund = refund;
        State.Result = result;
        var rows = new CommitRows()
            .Audit("RefundRequested", new { refund.Reason, refund.Amount, before = before.Status })
            .Project(
                PaymentRows.Changed,
                Key, result.Status.ToString(), result.MatchedBy, Json(result.Allocations), result.Unallocated, null, null, explanation,
                refund.Reason, refund.RequestedAt, Now);
        await SaveAsync(rows);
        return new PaymentAction(PaymentActionOutcome.Done, result, explanation);
    }

    // Only unapplied money can be allocated or refunded.
    private static string? Refused(PaymentResult result) => result.Status switch
    {
        PaymentStatus.RefundRequested => "a refund was requested for its unapplied money",
        _ when result.Unallocated <= 0m => "it is applied in full",
        _ => null,
    };

    private async Task<List<PaymentAllocationResult>> ApplyAsync(string paymentId, IEnumerable<(string InvoiceId, decimal Amount)> allocations, DateTimeOffset receivedAt)
    {
        var applied = new List<PaymentAllocationResult>();
        foreach (var (invoiceId, amount) in allocations)
        {
            // The invoice is the judge of what it still owes; the query row may be a moment behind.
            var application = await GrainFactory.GetGrain<IInvoiceGrain>(invoiceId).ApplyPayment(new ApplyPayment(paymentId, amount, receivedAt));
            if (application.Applied > 0)
            {
                applied.Add(new PaymentAllocationResult(invoiceId, application.Applied, application.Outstanding));
            }
        }

        return applied;
    }

    private static PaymentResult Result(string paymentId, decimal amount, string? matchedBy, List<PaymentAllocationResult> allocations)
    {
        var unallocated = amount - allocations.Sum(a => a.Amount);
        var status = allocations.Count == 0 ? PaymentStatus.Unmatched : unallocated > 0 ? PaymentStatus.Overpaid : PaymentStatus.Matched;
        return new PaymentResult(paymentId, status, matchedBy, allocations, unallocated);
    }

    private async Task<QueueView> OverpaidAsync(PaymentResult result, string currency, string? customerId) =>
        result.Status != PaymentStatus.Overpaid
            ? QueueView.None
            : PaymentQueue.Overpaid(result.Unallocated, currency, result.Allocations, customerId is null ? [] : await openInvoices.OfCustomerAsync(customerId, currency));

    // Only a payment for one customer teaches who pays for whom: a transfer paying two customers' invoices says nothing
    // about which of them the account belongs to.
    private static string? SingleCustomer(IEnumerable<StatementAllocation> asked, IReadOnlyList<PaymentAllocationResult> applied)
    {
        var paid = applied.Select(a => a.InvoiceId).ToHashSet(StringComparer.Ordinal);
        var customers = asked.Where(a => paid.Contains(a.InvoiceId)).Select(a => a.CustomerId).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return customers.Count == 1 ? customers[0] : null;
    }

    private void Learn(CommitRows rows, string? customerId, string? iban, string? name)
    {
        if (customerId is not null && (iban is not null || name is not null))
        {
            rows.Project(PaymentRows.PayerLearned, customerId, iban ?? "", name ?? "", Key, Now);
        }
    }

    private static Jsonb Json<T>(T value) => new(JsonSerializer.Serialize(value, RowJson.Options));

    private static string? Explanation(QueueView queue) => queue.Explanation.Length == 0 ? null : queue.Explanation;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Outcome(PaymentStatus status) => status switch
    {
        PaymentStatus.Matched => "matched",
        PaymentStatus.Overpaid or PaymentStatus.PartiallyMatched => "overpaid",
        _ => "unmatched",
    };
}
