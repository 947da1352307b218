using O2C.Clock;
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
/// decided) and teaches who pays for whom.
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

    private static readonly MultiRowStatement Recorded = MultiRowStatement.Appended(
        """
        INSERT INTO payments (payment_id, content_hash, amount, currency, received_at, invoice_id, reference, customer_id, payer_name,
            status, matched_by, allocations, unallocated, recorded_at)
        SELECT * FROM {rows}
        """,
        "payment_id text", "content_hash text", "amount numeric", "currency text", "received_at timestamptz", "invoice_id text", "reference text",
        "customer_id text", "payer_name text", "status text", "matched_by text", "allocations jsonb", "unallocated numeric", "recorded_at timestamptz");

    // An unmatched statement payment may be allocated later, which rewrites its row.
    private static readonly MultiRowStatement RecordedFromStatement = MultiRowStatement.Keyed(
        """
        INSERT INTO payments (payment_id, content_hash, amount, currency, received_at, invoice_id, reference, customer_id, payer_name,
            status, matched_by, allocations, unallocated, recorded_at)
        SELECT * FROM {rows}
        ON CONFLICT (payment_id) DO UPDATE SET invoice_id = excluded.invoice_id, customer_id = excluded.customer_id, status = excluded.status,
            matched_by = excluded.matched_by, allocations = excluded.allocations, unallocated = excluded.unallocated, recorded_at = excluded.recorded_at
        """,
        "payment_id text", "content_hash text", "amount numeric", "currency text", "received_at timestamptz", "invoice_id text", "reference text",
        "customer_id text", "payer_name text", "status text", "matched_by text", "allocations jsonb", "unallocated numeric", "recorded_at timestamptz");

    // The payer's account and name, learnt from a statement payment applied to one customer's invoices: the cash
    // matcher's known payers next time (issue 16). Kept once per (customer, IBAN, name); the first payment that taught it is noted.
    private static readonly MultiRowStatement PayerLearned = MultiRowStatement.Appended(
        """
        INSERT INTO payer_accounts (customer_id, iban, name, learned_from, learned_at)
        SELECT * FROM {rows}
        ON CONFLICT (customer_id, iban, name) DO NOTHING
        """,
        "customer_id text", "iban text", "name text", "learned_from text", "learned_at timestamptz");

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
        var match = PaymentMatcher.Match(incoming, await openInvoices.CandidatesAsync(incoming));
        var allocations = new List<PaymentAllocationResult>();
        foreach (var allocation in match.Allocations)
        {
            // The invoice is the judge of what it still owes; the query row may be a moment behind.
            var applied = await GrainFactory.GetGrain<IInvoiceGrain>(allocation.InvoiceId).ApplyPayment(new ApplyPayment(payment.PaymentId, allocation.Amount, payment.ReceivedAt));
            if (applied.Applied > 0)
            {
                allocations.Add(new PaymentAllocationResult(allocation.InvoiceId, applied.Applied, applied.Outstanding));
            }
        }

        var unallocated = payment.Amount - allocations.Sum(a => a.Amount);
        var status = allocations.Count == 0 ? PaymentStatus.Unmatched : unallocated > 0 ? PaymentStatus.PartiallyMatched : PaymentStatus.Matched;
        var result = new PaymentResult(payment.PaymentId, status, allocations.Count == 0 ? null : match.MatchedBy.ToString(), allocations, unallocated);
        State.ContentHash = hash;
        State.Result = result;
        var rows = new CommitRows()
            .Audit("PaymentReceived", new { payment, result.Status, result.MatchedBy, allocations, unallocated })
            .OnCommitted(() => metrics.PaymentReceived(Outcome(status)))
            .Project(
                Recorded,
                payment.PaymentId, hash, payment.Amount, payment.Currency, payment.ReceivedAt, payment.InvoiceId, payment.Reference,
                payment.CustomerId, payment.PayerName, status.ToString(), result.MatchedBy,
                new Jsonb(JsonSerializer.Serialize(allocations, RowJson.Options)), unallocated, Now);
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

        var allocations = new List<PaymentAllocationResult>();
        var customers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var allocation in payment.Allocations)
        {
            var applied = await GrainFactory.GetGrain<IInvoiceGrain>(allocation.InvoiceId).ApplyPayment(new ApplyPayment(payment.PaymentId, allocation.Amount, payment.ReceivedAt));
            if (applied.Applied > 0)
            {
                allocations.Add(new PaymentAllocationResult(allocation.InvoiceId, applied.Applied, applied.Outstanding));
                customers.Add(allocation.CustomerId);
            }
        }

        var unallocated = payment.Amount - allocations.Sum(a => a.Amount);
        var status = allocations.Count == 0 ? PaymentStatus.Unmatched : unallocated > 0 ? PaymentStatus.PartiallyMatched : PaymentStatus.Matched;
        var result = new PaymentResult(payment.PaymentId, status, allocations.Count == 0 ? null : payment.MatchedBy, allocations, unallocated);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payment.EntryKey)));
        State.ContentHash = hash;
        State.Result = result;
        var customer = customers.Count == 1 ? customers.First() : null;
        var rows = new CommitRows()
            .Audit("PaymentReceivedFromStatement", new { payment, result.Status, allocations, unallocated })
            .OnCommitted(() => metrics.PaymentReceived(Outcome(status)))
            .Project(
                RecordedFromStatement,
                payment.PaymentId, hash, payment.Amount, payment.Currency, payment.ReceivedAt, allocations.Count == 1 ? allocations[0].InvoiceId : null, null,
                customer, payment.DebtorName, status.ToString(), result.MatchedBy,
                new Jsonb(JsonSerializer.Serialize(allocations, RowJson.Options)), unallocated, Now);

        // Only a payment for one customer teaches who pays for whom: a transfer paying two customers' invoices says
        // nothing about which of them the account belongs to.
        if (customer is not null && (payment.DebtorIban is not null || payment.DebtorName is not null))
        {
            rows.Project(PayerLearned, customer, payment.DebtorIban ?? "", payment.DebtorName ?? "", payment.PaymentId, Now);
        }

        await SaveAsync(rows);
        return result;
    }

    private static string Outcome(PaymentStatus status) => status switch
    {
        PaymentStatus.Matched => "matched",
        PaymentStatus.PartiallyMatched => "partly_matched",
        _ => "unmatched",
    };
}
