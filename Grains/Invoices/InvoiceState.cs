using O2C.Storage;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Orders;

namespace O2C.Grains.Invoices;

public sealed class InvoiceState : StateWithRows
{
    public string CustomerId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public string Currency { get; set; } = "";
    public DateOnly IssueDate { get; set; }
    public DateOnly DueDate { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
    public decimal Net { get; set; }
    public decimal Vat { get; set; }
    public decimal Total { get; set; }
    public Dictionary<string, decimal> Payments { get; set; } = [];
    public string PaymentReference { get; set; } = "";
    public RiskProfile LadderProfile { get; set; }
    public bool Overdue { get; set; }
    public bool Disputed { get; set; }
    public string? CaseId { get; set; }
    public DateOnly? PaidOn { get; set; }

    /// <summary>What was written off (the whole rest at the time); it leaves exposure and the case.</summary>
    public decimal WrittenOff { get; set; }

    public DateTimeOffset? WrittenOffAt { get; set; }

    public string? WriteOffReason { get; set; }

    /// <summary>Payments received after the write-off, by payment id: recoveries, not part of <see cref="Paid"/>.</summary>
    public Dictionary<string, decimal> Recoveries { get; set; } = [];

    public decimal Paid => Payments.Values.Sum();

    public decimal Recovered => Recoveries.Values.Sum();

    public decimal Outstanding => Total - Paid - WrittenOff;

    public InvoiceStatus Status =>
        Outstanding <= 0 && WrittenOff > 0 ? InvoiceStatus.WrittenOff
        : Outstanding <= 0 ? InvoiceStatus.Paid
        : Disputed ? InvoiceStatus.Disputed
        : Overdue ? InvoiceStatus.Overdue
        : Paid > 0 ? InvoiceStatus.PartiallyPaid
        : InvoiceStatus.Open;
}
