using O2C.Grains.Common;
using O2C.Grains.Dunning;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Invoicing;
using O2C.Storage;

namespace O2C.Grains.Invoices;

/// <summary>
/// What issuing an invoice writes: its first state, its first reminder (the pre-due reminder when its
/// ladder has one, else the due-date check: one reminder per invoice at a time, the pre-due reminder
/// registers the due-date check when it fires), its query row and its audit event.
/// </summary>
public static class InvoiceIssue
{
    public const string StateName = "invoice";
    public const string PreDueReminder = "pre-due";
    public const string DueDateCheck = "due-date";

    public static InvoiceState NewState(string invoiceId, IssueInvoice command)
    {
        var totals = InvoicePricing.Price(command.Lines);
        return new InvoiceState
        {
            CustomerId = command.CustomerId,
            OrderId = command.OrderId,
            Currency = command.Currency,
            IssueDate = command.IssueDate,
            DueDate = command.DueDate,
            Lines = [.. command.Lines],
            Net = totals.Net,
            Vat = totals.Vat,
            Total = totals.Gross,
            PaymentReference = PaymentReference.Create(invoiceId),
            LadderProfile = command.LadderProfile,
        };
    }

    public static CommitRows IssuedInvoice(this CommitRows rows, string invoiceId, InvoiceState state, DunningLadder ladder, DateTimeOffset now)
    {
        var (reminder, at) = FirstWatch(state, ladder);
        return rows
            .Remind(reminder, at)
            .Audit("InvoiceIssued", new { state.OrderId, state.Total, state.DueDate, state.PaymentReference })
            .Invoice(invoiceId, state, now);
    }

    /// <summary>The pre-due reminder when the ladder has one after the issue date, else the due-date check.</summary>
    public static (string Reminder, DateTimeOffset At) FirstWatch(InvoiceState state, DunningLadder ladder) =>
        ladder.StageDueOn(state.DueDate, DunningStage.PreDueReminder) is { } preDue && preDue > state.IssueDate
            ? (PreDueReminder, BusinessDays.StartOf(preDue))
            : (DueDateCheck, DueDateCheckAt(state));

    /// <summary>The day after the due date is the first day the invoice is overdue.</summary>
    public static DateTimeOffset DueDateCheckAt(InvoiceState state) => BusinessDays.StartOf(state.DueDate.AddDays(1));

    public static InvoiceSummary Summary(string invoiceId, InvoiceState s) => new(
        invoiceId, s.CustomerId, s.Currency, s.IssueDate, s.DueDate, s.Total, s.Paid, s.Outstanding, s.Status, s.PaymentReference);
}
