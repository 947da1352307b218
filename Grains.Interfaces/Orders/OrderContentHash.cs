using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace O2C.Grains.Interfaces.Orders;

/// <summary>
/// A fingerprint of an order's content, so a repeated order id can be told apart: same content
/// is a harmless retry, other content is a conflict. SHA-256 (hex) of a canonical text with
/// invariant number formatting, so 10 and 10.00 are the same amount.
/// </summary>
public static class OrderContentHash
{
    public static string Compute(PlaceOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var text = new StringBuilder()
            .Append(order.OrderId).Append('|').Append(order.CustomerId).Append('|')
            .Append(order.OrderDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('|').Append(order.Currency);
        foreach (var line in order.Lines)
        {
            text.Append("|L|").Append(line.Sku).Append('|').Append(line.Description).Append('|')
                .Append(Number(line.Quantity)).Append('|').Append(Number(line.UnitPrice)).Append('|')
                .Append(Number(line.VatRate)).Append('|').Append(line.DiscountPercent is { } d ? Number(d) : "-");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Number(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
