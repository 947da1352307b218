using O2C.Storage;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

public sealed class CaseState : StateWithRows
{
    public string CustomerId { get; set; } = "";
    public string Currency { get; set; } = "";
    public RiskProfile LadderProfile { get; set; }
    public RiskProfile RiskProfile { get; set; }
    public CaseStatus Status { get; set; }
    public DunningStage Stage { get; set; }
    public Dictionary<string, CaseInvoiceState> Invoices { get; set; } = [];
    public PromiseToPay? Promise { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? NextStepAt { get; set; }
    public int Messages { get; set; }

    /// <summary>The customer's country (ISO code): chooses the late-payment interest rules.</summary>
    public string? Country { get; set; }

    public CasePaymentPlan? Plan { get; set; }

    public int BrokenPromises { get; set; }

    public int BrokenPlans { get; set; }

    /// <summary>The collector the case is assigned to (the worklist filters by it); null when nobody is.</summary>
    public string? Collector { get; set; }

    /// <summary>The latest handover to the collection agency; null before the ladder's end.</summary>
    public CaseHandover? Handover { get; set; }
}
