using Microsoft.Extensions.Options;
using O2C.Grains.Payments;

namespace O2C.Grains;

/// <param name="legacyLinkBase">O2C:Messages:PaymentLinkBase, which the link template replaced; set, it would be silently ignored.</param>
internal sealed class PaymentLinkOptionsValidation(string? legacyLinkBase) : IValidateOptions<PaymentLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentLinkOptions options)
    {
        if (!string.IsNullOrWhiteSpace(legacyLinkBase))
        {
            return ValidateOptionsResult.Fail(
                $"O2C:Messages:PaymentLinkBase is no longer read; set {PaymentLinkOptions.LinkTemplateKey} instead, e.g. {legacyLinkBase}{{reference}}?amount={{amount}}&currency={{currency}}");
        }

        return PaymentLinkTemplate.TryParse(options.LinkTemplate, out _, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PaymentLinkOptions.LinkTemplateKey}: {error}");
    }
}
