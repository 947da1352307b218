using System.Text.Json;
using O2C.Grains.Customers;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Orders;
using O2C.Grains.Invoices;
using O2C.Grains.Invoicing;
using O2C.Storage;

namespace O2C.Bench.Ceilings;

/// <summary>
/// The rows one invoiced order makes, read from the grains' code (<c>CustomerGrain.PlaceOrder</c>,
/// <c>InvoiceGrain.Issue</c>, <c>CustomerRows</c>, <c>InvoiceRows</c>, <c>GrainStorage</c>), for a
/// customer on the Medium ladder (the default profile):
/// <list type="number">
/// <item><c>orders</c>: the order (insert)</item>
/// <item><c>invoices</c>: the invoice (insert)</item>
/// <item><c>grain_state</c>: the invoice grain's state (insert)</item>
/// <item><c>grain_state</c>: the customer grain's state (update: a new row version)</item>
/// <item><c>customers</c>: the customer's query row (upsert: a new row version)</item>
/// <item><c>grain_events</c>: <c>InvoiceIssued</c> (invoice) and <c>OrderInvoiced</c> (customer)</item>
/// <item><c>reminders</c>: the invoice's first reminder, <c>pre-due</c> (it registers the <c>due-date</c> check when it fires)</item>
/// </list>
/// Eight rows per order: six inserted, two new versions of the customer's rows. The states are the grains' own state classes serialized as the runtime
/// does (a customer state does not hold its open invoices: they are read from the invoice rows), so the bytes match too.
/// </summary>
public sealed class OrderRows
{
    public const int InsertedPerOrder = 6;
    public const int RowsPerOrder = InsertedPerOrder + 2;
    public const int OrdersPerCustomer = 10;

    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public OrderRows(string prefix)
    {
        Prefix = prefix;
        Lines = SampleOrder.Lines("x");
        LinesJson = JsonSerializer.Serialize(Lines, RowJson.Options);
        Totals = InvoicePricing.Price(Lines);
        CustomerStateJson = JsonSerializer.Serialize(CustomerState(), RowJson.Options);
    }

    public string Prefix { get; }
    public IReadOnlyList<OrderLine> Lines { get; }
    public string LinesJson { get; }
    public InvoiceTotals Totals { get; }
    public string CustomerStateJson { get; }
    public DateTimeOffset Timestamp => Now;
    public DateOnly IssueDate => Today;
    public DateOnly DueDate => Today.AddDays(30);

    public string OrderId(int i) => $"{Prefix}-o{i}";
    public string CustomerId(int i) => $"{Prefix}-c{i / OrdersPerCustomer}";
    public string InvoiceId(int i) => InvoiceIds.ForOrder(OrderId(i));

    public string InvoiceStateJson(int i) => JsonSerializer.Serialize(new InvoiceState
    {
        CustomerId = CustomerId(i),
        OrderId = OrderId(i),
        Currency = "EUR",
        IssueDate = IssueDate,
        DueDate = DueDate,
        Lines = [.. Lines],
        Net = Totals.Net,
        Vat = Totals.Vat,
        Total = Totals.Gross,
        PaymentReference = PaymentReference.Create(InvoiceId(i)),
        LadderProfile = RiskProfile.Medium,
    }, RowJson.Options);

    private CustomerState CustomerState() => new()
    {
        Profile = SampleCustomer.Profile(0, creditScore: 50),
        CreatedAt = Now,
        RiskReason = "no credit score band or payment history that decides otherwise",
    };
}
