using O2C.Grains.Collections;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Messages;

/// <param name="Interest">Late-payment interest to the message's day; null where no country rule applies (or before the due date).</param>
public sealed record DunningMessageInvoice(
    string InvoiceId, decimal Outstanding, string Currency, DateOnly DueDate, DunningStage Level, string PaymentReference, InterestStatement? Interest = null);
