namespace O2C.Delivery.Tests;

public sealed class DeliveryOptionsTests
{
    [Fact]
    public void Nothing_configured_is_valid_and_leaves_every_channel_queued()
    {
        var options = new DeliveryOptions();

        Assert.True(new DeliveryOptionsValidation().Validate(null, options).Succeeded);
        Assert.False(options.Smtp.IsConfigured);
        Assert.False(options.Webhook.IsConfigured);
    }

    [Fact]
    public void Each_bad_setting_is_named_by_its_key()
    {
        var options = new DeliveryOptions
        {
            MaxAttempts = 0,
            Lease = TimeSpan.FromSeconds(10),
            SendTimeout = TimeSpan.FromSeconds(30),
            Smtp = new SmtpOptions { Host = "smtp.example.com", From = "not an address" },
            Webhook = new WebhookOptions { Url = "ftp://hooks.example.com" },
        };

        var failures = new DeliveryOptionsValidation().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("O2C:Delivery:MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("O2C:Delivery:Lease", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("O2C:Delivery:Smtp:From", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("O2C:Delivery:Webhook:Url", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("O2C:Delivery:Webhook:Secret", StringComparison.Ordinal));
    }
}
