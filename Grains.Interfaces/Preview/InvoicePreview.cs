namespace O2C.Grains.Interfaces.Preview;

/// <summary>What an invoice would do up to a time: its own messages (the pre-due reminder) and its joining a case.</summary>
[GenerateSerializer, Immutable, Alias("o2c.invoice-preview")]
public sealed record InvoicePreview([Id(0)] IReadOnlyList<MessagePreview> Messages, [Id(1)] CaseJoin? Join);
