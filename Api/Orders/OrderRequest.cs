using System.Globalization;
using System.Text.Json;
using O2C.Api.Validation;
using O2C.Grains.Interfaces.Orders;

namespace O2C.Api.Orders;

/// <summary>Turns one order of a request body into a command, or errors naming each bad field.</summary>
public static class OrderRequest
{
    public const int MaxLines = 500;

    public static PlaceOrder? Parse(JsonElement element, string path, FieldErrors errors, RequestValidationOptions limits)
    {
        if (JsonFields.For(element, path, errors, limits) is not { } body)
        {
            return null;
        }

        var orderId = body.Id("orderId");
        var customerId = body.Id("customerId");
        var orderDate = body.Date("orderDate");
        var currency = body.Currency("currency");
        var lines = new List<OrderLine>();
        var total = 0m;
        foreach (var (item, linePath) in body.Array("lines", required: true, 1, MaxLines) ?? [])
        {
            if (JsonFields.For(item, linePath, errors, limits) is not { } line)
            {
                continue;
            }

            var sku = line.Text("sku", required: true, maxLength: 64);
            var description = line.Text("description", required: false, maxLength: 500) ?? "";
            var quantity = line.Number("quantity", required: true, 0, 1_000_000_000m, 4, minExclusive: true);
            var unitPrice = line.Number("unitPrice", required: true, 0, 1_000_000_000m, 4);
            var vatRate = line.Number("vatRate", required: true, 0, 1, 4);
            var discount = line.Number("discountPercent", required: false, 0, 100, 2);
            if (sku is null || quantity is null || unitPrice is null || vatRate is null)
            {
                continue;
            }

            // Each factor has its own limit, but their product is what the invoice stores: 1e9 × 1e9
            // is a valid quantity and a valid price whose line no numeric(18,2) column can hold.
            var gross = quantity.Value * unitPrice.Value * (1m - ((discount ?? 0m) / 100m)) * (1m + vatRate.Value);
            if (gross > Amounts.Max)
            {
                errors.Add(linePath, $"the line's amount (quantity × unit price, less discount, plus VAT) must be at most {Amounts.Max.ToString("N0", CultureInfo.InvariantCulture)}");
                continue;
            }

            total += gross;
            lines.Add(new OrderLine(sku, description, quantity.Value, unitPrice.Value, vatRate.Value, discount));
        }

        if (total > Amounts.Max)
        {
            errors.Add(body.Path("lines"), $"the order's total must be at most {Amounts.Max.ToString("N0", CultureInfo.InvariantCulture)}");
        }

        return errors.Any ? null : new PlaceOrder(orderId!, customerId!, orderDate!.Value, currency!, lines);
    }
}
