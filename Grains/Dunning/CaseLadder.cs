using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

/// <summary>
/// Walks the invoices of one dunning case up the ladder.
/// Each invoice keeps its own level, counted from its own due date, so an invoice that falls due
/// while the case is at the final notice starts at the first reminder. An invoice moves at most
/// one rung per evaluation and only after the previous rung was sent: no invoice ever gets a
/// final notice or a collection handover it was not first reminded about. An invoice that joins
/// late, or whose case was paused, walks the remaining rungs with the ladder's own spacing
/// counted from the day its previous rung went out, so the customer gets the same time to react
/// at every step. Only post-due steps are walked here; the pre-due reminder is the invoice's own.
/// </summary>
public static class CaseLadder
{
    public static CaseEvaluation Evaluate(DunningLadder ladder, IEnumerable<CaseInvoice> invoices, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(invoices);

        var after = new List<CaseInvoice>();
        var advances = new List<InvoiceAdvance>();
        foreach (var invoice in invoices.Where(i => i.IsOpen))
        {
            var next = ladder.NextPostDueStep(invoice.Level);
            if (next is not null && NextAdvanceOn(ladder, invoice) <= today)
            {
                advances.Add(new InvoiceAdvance(invoice.InvoiceId, invoice.Level, next.Stage));
                after.Add(invoice with { Level = next.Stage, LevelReachedOn = today });
            }
            else
            {
                after.Add(invoice);
            }
        }

        var stage = after.Count > 0 ? after.Max(i => i.Level) : DunningStage.None;
        var nextDates = after.Select(i => NextAdvanceOn(ladder, i)).OfType<DateOnly>().ToList();
        return new CaseEvaluation(after, advances, stage, nextDates.Count > 0 ? nextDates.Min() : null);
    }

    /// <summary>The earliest business date the invoice may move to its next post-due rung, or null at the top.</summary>
    public static DateOnly? NextAdvanceOn(DunningLadder ladder, CaseInvoice invoice)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(invoice);

        var next = ladder.NextPostDueStep(invoice.Level);
        if (next is null)
        {
            return null;
        }

        var onSchedule = invoice.DueDate.AddDays(next.OffsetDays);
        var current = ladder.PostDueSteps.LastOrDefault(s => s.Stage <= invoice.Level);
        if (current is null || invoice.LevelReachedOn is not { } sentOn)
        {
            return onSchedule;
        }

        var spaced = sentOn.AddDays(next.OffsetDays - current.OffsetDays);
        return spaced > onSchedule ? spaced : onSchedule;
    }
}
