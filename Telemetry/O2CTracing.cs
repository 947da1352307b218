using System.Diagnostics;

namespace O2C.Telemetry;

/// <summary>
/// The activity source <c>O2C</c> (spans of our own, such as a clock advance and its batches) and
/// the attribute names that tie a trace to the business: a trace of <c>POST /v1/orders</c> carries
/// the order and customer on its HTTP span and on the grain call that decided it.
/// </summary>
public static class O2CTracing
{
    public const string SourceName = "O2C";

    public const string OrderId = "o2c.order_id";
    public const string CustomerId = "o2c.customer_id";
    public const string CaseId = "o2c.case_id";
    public const string InvoiceId = "o2c.invoice_id";
    public const string PaymentId = "o2c.payment_id";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Tags the current span (the HTTP request, or the grain call Orleans traces) when one is recorded.</summary>
    public static void Tag(string name, string? value)
    {
        if (value is not null && Activity.Current is { IsAllDataRequested: true } current)
        {
            current.SetTag(name, value);
        }
    }
}
