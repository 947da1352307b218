using System.Security.Cryptography;
using System.Text;

namespace O2C.Api.BankStatements;

/// <summary>
/// The payment id of a statement payment, derived from its key so every import of the entry reaches the same
/// <c>PaymentGrain</c>. Hashed because entry keys hold the account and slashes: the id has to fit a URL and a grain key.
/// </summary>
public static class PaymentIds
{
    public static string For(string paymentKey) =>
        $"bank-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(paymentKey)))[..32]}";
}
