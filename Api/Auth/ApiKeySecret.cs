using System.Security.Cryptography;
using System.Text;

namespace O2C.Api.Auth;

/// <summary>
/// Keys are 32 random bytes (256 bits): a plain SHA-256 of one is as good as a slow hash, because
/// there is nothing to guess. Only the hash is stored.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "o2c_";

    /// <summary>Shortest key accepted (a configured <c>O2C:Auth:AdminKey</c> too), and the longest read.</summary>
    public const int MinLength = 16;
    public const int MaxLength = 256;

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewId() => "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Plausible(string? key) => key is { Length: >= MinLength and <= MaxLength };

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
