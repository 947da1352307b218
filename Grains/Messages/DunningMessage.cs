using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Messages;

/// <summary>One message to compose: who, which stage and tone, over which channels, about which invoices.</summary>
public sealed record DunningMessage(
    string MessageIdPrefix,
    string? CaseId,
    string? InvoiceId,
    CustomerSnapshot Customer,
    DunningStage Stage,
    IReadOnlyList<Channel> Channels,
    string Currency,
    IReadOnlyList<DunningMessageInvoice> Invoices);
