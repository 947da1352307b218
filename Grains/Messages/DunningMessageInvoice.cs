using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Messages;

public sealed record DunningMessageInvoice(string InvoiceId, decimal Outstanding, string Currency, DateOnly DueDate, DunningStage Level, string PaymentReference);
