using System.Security.Cryptography;
using System.Text;

namespace O2C.Delivery.Channels;

/// <summary>The webhook's signature: <c>X-O2C-Signature: sha256=&lt;hex HMAC-SHA256 of the exact body bytes&gt;</c>.</summary>
public static class WebhookSignature
{
    public const string Header = "X-O2C-Signature";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>For receivers: compares in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));
}
