using System.Text.Json;
using O2C.Api.Validation;
using O2C.Grains.Interfaces.Orders;

namespace O2C.Api.Orders;

/// <summary>Turns one order of a request body into a command, or errors naming each bad field.</summary>
public static class OrderRequest
{
    public const int MaxLines = 500;

    public static PlaceOrder? Parse(JsonElement element, string path, FieldErrors errors)
    {
        if (JsonFields.For(element, path, errors) is not { } body)
        {
            return null;
        }

        var orderId = body.Id("orderId");
        var customerId = body.Id("customerId");
        var orderDate = body.Date("orderDate");
        var currency = body.Currency("currency");
        var lines = new List<OrderLine>();
        foreach (var (item, linePath) in body.Array("lines", required: true, 1, MaxLines) ?? [])
        {
            if (JsonFields.For(item, linePath, errors) is not { } line)
            {
                continue;
            }

            var sku = line.Text("sku", required: true, maxLength: 64);
            var description = line.Text("description", required: false, maxLength: 500) ?? "";
            var quantity = line.Number("quantity", required: true, 0, 1_000_000_000m, 4, minExclusive: true);
            var unitPrice = line.Number("unitPrice", required: true, 0, 1_000_000_000m, 4);
            var vatRate = line.Number("vatRate", required: true, 0, 1, 4);
            var discount = line.Number("discountPercent", required: false, 0, 100, 2);
            if (sku is not null && quantity is not null && unitPrice is not null && vatRate is not null)
            {
                lines.Add(new OrderLine(sku, description, quantity.Value, unitPrice.Value, vatRate.Value, discount));
            }
        }

        return errors.Any ? null : new PlaceOrder(orderId!, customerId!, orderDate!.Value, currency!, lines);
    }
}
