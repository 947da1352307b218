namespace O2C.Grains.Interfaces.Preview;

/// <summary>Preview an invoice's reminders due up to <see cref="To"/>, starting from the given rows.</summary>
/// <param name="CustomerEvents">What previewed cases tell the customer on the way (see <see cref="CustomerEvent"/>).</param>
[GenerateSerializer, Immutable, Alias("o2c.invoice-preview-request")]
public sealed record InvoicePreviewRequest(
    [Id(0)] DateTimeOffset To,
    [Id(1)] IReadOnlyList<DueReminder> Reminders,
    [Id(2)] IReadOnlyList<CustomerEvent> CustomerEvents);
