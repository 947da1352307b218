using O2C.Clock;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using O2C.Grains.Common;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Payments;
using O2C.Storage;

namespace O2C.Grains.Payments;

/// <summary>
/// One incoming payment: matched against open invoices (invoice id, then reference, then
/// customer and amount), applied to each allocated invoice, and remembered so a retry of the
/// same payment id returns the first result instead of paying twice.
/// </summary>
[GrainType("payment")]
public sealed class PaymentGrain(
    [PersistentState("payment", StorageNames.Grains)] IPersistentState<PaymentState> state,
    BusinessClock clock,
    GrainRows grainRows,
    OpenInvoiceQuery openInvoices) : DomainGrain<PaymentState>(state, clock, grainRows), IPaymentGrain
{
    private static readonly MultiRowStatement Recorded = MultiRowStatement.Appended(
        """
        INSERT INTO payments (payment_id, content_hash, amount, currency, received_at, invoice_id, reference, customer_id, payer_name,
            status, matched_by, allocations, unallocated, recorded_at)
        SELECT * FROM {rows}
        """,
        "payment_id text", "content_hash text", "amount numeric", "currency text", "received_at timestamptz", "invoice_id text", "reference text",
        "customer_id text", "payer_name text", "status text", "matched_by text", "allocations jsonb", "unallocated numeric", "recorded_at timestamptz");

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
            .Project(
                Recorded,
                payment.PaymentId, hash, payment.Amount, payment.Currency, payment.ReceivedAt, payment.InvoiceId, payment.Reference,
                payment.CustomerId, payment.PayerName, status.ToString(), result.MatchedBy,
                new Jsonb(JsonSerializer.Serialize(allocations, RowJson.Options)), unallocated, Now);
        await SaveAsync(rows);
        return result;
    }
}
