using O2C.Bench.Ceilings;
using O2C.Grains.Interfaces.Orders;

namespace O2C.Bench.Api;

/// <summary><c>PUT /v1/customers/{id}</c> body (issue 3).</summary>
public sealed record CustomerRequest(
    string Name, string? Email, string? Phone, string Language, string Currency, string? Country,
    int PaymentTermDays, decimal CreditLimit, int? CreditScore, IReadOnlyList<string> PreferredChannels)
{
    public static CustomerRequest Sample(int i, int? creditScore, int paymentTermDays = 30)
    {
        var p = SampleCustomer.Profile(i, creditScore, paymentTermDays);
        return new CustomerRequest(p.Name, p.Email, p.Phone, p.Language, p.Currency, p.Country, p.PaymentTermDays, p.CreditLimit, p.CreditScore,
            [.. p.PreferredChannels.Select(c => c.ToString().ToLowerInvariant())]);
    }
}

/// <summary><c>POST /v1/orders</c> body, and one element of <c>POST /v1/orders/batch</c> (issue 3).</summary>
public sealed record OrderRequest(string OrderId, string CustomerId, DateOnly OrderDate, string Currency, IReadOnlyList<OrderLine> Lines)
{
    public static OrderRequest Sample(string orderId, string customerId, DateOnly orderDate) =>
        new(orderId, customerId, orderDate, "EUR", SampleOrder.Lines(orderId));
}

/// <summary><c>POST /v1/orders/batch</c> body: up to 1,000 orders.</summary>
public sealed record OrderBatchRequest(IReadOnlyList<OrderRequest> Orders);

/// <summary><c>POST /v1/clock/advance</c> body: to an instant.</summary>
public sealed record ClockAdvanceRequest(DateTimeOffset To);

/// <summary><c>POST /v1/payments</c> body, paying an invoice by its id.</summary>
public sealed record PaymentRequest(string PaymentId, decimal Amount, string Currency, DateTimeOffset ReceivedAt, string InvoiceId);
