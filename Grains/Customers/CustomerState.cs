using O2C.Storage;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Invoices;

namespace O2C.Grains.Customers;

/// <summary>
/// A customer's stored state. Its open invoices are not here: they are read from the invoice rows
/// on activation (<see cref="CustomerExposureQuery"/>), so the state does not grow with every order.
/// </summary>
public sealed class CustomerState : StateWithRows
{
    public CustomerProfile? Profile { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Dictionary<string, HeldOrder> HeldOrders { get; set; } = [];

    /// <summary>
    /// Invoices committed with their order but not yet confirmed by the invoice grain: the next call
    /// (or activation) issues them again, which the invoice answers idempotently.
    /// </summary>
    public Dictionary<string, IssueInvoice> Unissued { get; set; } = [];
    public List<LatePayment> LatePayments { get; set; } = [];
    public List<FinalNotice> FinalNotices { get; set; } = [];
    public List<DateOnly> BrokenPromises { get; set; } = [];
    public RiskProfile RiskProfile { get; set; } = RiskProfile.Medium;
    public string RiskRule { get; set; } = "Default";
    public string RiskReason { get; set; } = "";
    public string? OpenCaseId { get; set; }
    public int CaseSequence { get; set; }
}
