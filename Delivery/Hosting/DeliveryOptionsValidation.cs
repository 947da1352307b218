using Microsoft.Extensions.Options;
using MimeKit;

namespace O2C.Delivery;

/// <summary>A bad delivery setting stops the start with one line naming the key.</summary>
internal sealed class DeliveryOptionsValidation : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var errors = new List<string>();
        const string Section = DeliveryOptions.SectionName;
        if (options.MaxAttempts < 1)
        {
            errors.Add($"{Section}:MaxAttempts must be at least 1 (was {options.MaxAttempts}).");
        }

        if (options.InitialBackoff < TimeSpan.Zero || options.MaxBackoff < options.InitialBackoff)
        {
            errors.Add($"{Section}:InitialBackoff must not be negative and MaxBackoff not below it (were {options.InitialBackoff}, {options.MaxBackoff}).");
        }

        if (options.SendTimeout <= TimeSpan.Zero || options.Lease <= options.SendTimeout)
        {
            errors.Add($"{Section}:Lease must be longer than SendTimeout, which must be positive (were {options.Lease}, {options.SendTimeout}): a send still running must never be taken over.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.BatchSize < 1 || options.MaxParallelSends < 1)
        {
            errors.Add($"{Section}:PollInterval, BatchSize and MaxParallelSends must be positive (were {options.PollInterval}, {options.BatchSize}, {options.MaxParallelSends}).");
        }

        var smtp = options.Smtp;
        if (smtp.IsConfigured)
        {
            if (smtp.Port is < 1 or > 65535)
            {
                errors.Add($"{Section}:Smtp:Port must be 1 to 65535 (was {smtp.Port}).");
            }

            if (smtp.From is null || !MailboxAddress.TryParse(smtp.From, out var from) || string.IsNullOrEmpty(from.Domain))
            {
                errors.Add($"{Section}:Smtp:From must be a mail address when {Section}:Smtp:Host is set (was '{smtp.From}').");
            }

            if (!string.IsNullOrEmpty(smtp.User) && smtp.Password is null)
            {
                errors.Add($"{Section}:Smtp:Password is required with {Section}:Smtp:User.");
            }
        }

        var webhook = options.Webhook;
        if (webhook.IsConfigured)
        {
            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{Section}:Webhook:Url must be an absolute http or https address (was '{webhook.Url}').");
            }

            if (string.IsNullOrEmpty(webhook.Secret))
            {
                errors.Add($"{Section}:Webhook:Secret is required with {Section}:Webhook:Url: every call is signed.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
