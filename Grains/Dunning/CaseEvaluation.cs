using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

/// <summary>
/// What a dunning case should do on a business date.
/// </summary>
/// <param name="Invoices">The open invoices with their levels after this evaluation: the list the message shows.</param>
/// <param name="Advances">The invoices that moved up a rung now; empty means no message is due.</param>
/// <param name="Stage">The case's stage: the highest level among its open invoices. It sets the message's tone.</param>
/// <param name="NextAdvanceOn">The next business date on which any open invoice would move up, or null when none can.</param>
public sealed record CaseEvaluation(
    IReadOnlyList<CaseInvoice> Invoices,
    IReadOnlyList<InvoiceAdvance> Advances,
    DunningStage Stage,
    DateOnly? NextAdvanceOn)
{
    public bool MessageDue => Advances.Count > 0;

    public bool HasOpenInvoices => Invoices.Count > 0;
}
