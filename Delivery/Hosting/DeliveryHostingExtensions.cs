using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using O2C.Clock;
using O2C.Delivery.Channels;
using O2C.Telemetry;

namespace O2C.Delivery;

public static class DeliveryHostingExtensions
{
    /// <summary>
    /// Delivery of queued messages (<c>O2C:Delivery</c>): e-mail over SMTP, SMS and letters to a signed
    /// webhook, by a <see cref="MessageDispatcher"/> on every silo. Needs the <c>NpgsqlDataSource</c> and
    /// business clock of the silo; register it after the database, whose migrations must run first. A
    /// channel left unconfigured keeps its messages Queued; a bad setting fails the start with one line.
    /// </summary>
    public static IHostApplicationBuilder AddMessageDelivery(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>().Bind(builder.Configuration.GetSection(DeliveryOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidation>();
        services.AddSingleton<MessageQueue>();
        services.AddO2CMetrics();
        services.AddHttpClient(WebhookChannel.HttpClientName);
        services.AddHostedService(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value;
            return new MessageDispatcher(
                sp.GetRequiredService<MessageQueue>(), Channels(sp, options), options,
                sp.GetRequiredService<BusinessClock>(), sp.GetRequiredService<O2CMetrics>(), sp.GetRequiredService<ILogger<MessageDispatcher>>());
        });
        return builder;
    }

    private static Dictionary<string, IMessageChannel> Channels(IServiceProvider services, DeliveryOptions options)
    {
        var channels = new Dictionary<string, IMessageChannel>();
        if (options.Smtp.IsConfigured)
        {
            channels[ChannelNames.Email] = new SmtpChannel(options.Smtp, options.SendTimeout);
        }

        if (options.Webhook.IsConfigured)
        {
            var webhook = new WebhookChannel(services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookChannel.HttpClientName), options.Webhook);
            channels[ChannelNames.Sms] = webhook;
            channels[ChannelNames.Letter] = webhook;
        }

        return channels;
    }
}
