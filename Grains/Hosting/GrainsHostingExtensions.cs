using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using O2C.Grains.Collections;
using O2C.Grains.Customers;
using O2C.Grains.Dunning;
using O2C.Grains.Messages;
using O2C.Grains.Interfaces.Payments;
using O2C.Grains.Payments;
using O2C.Grains.Risk;
using O2C.Storage;
using O2C.Telemetry;

namespace O2C.Grains;

public static class GrainsHostingExtensions
{
    /// <summary>
    /// The order-to-cash grains' policies and the queries they share: dunning ladders
    /// (<c>O2C:Dunning:Ladders</c>), risk thresholds (<c>O2C:Risk</c>) and message templates
    /// (<c>O2C:Messages</c>) with the payment link (<c>O2C:Payments:LinkTemplate</c>), and the collections
    /// rules (<c>O2C:Collections</c>: interest, payment plans, worklist). A bad ladder, threshold,
    /// template, link or collections rule fails the start with one clear line.
    /// </summary>
    public static IHostApplicationBuilder AddO2CGrains(this IHostApplicationBuilder builder)
    {
        var o2c = builder.Configuration.GetSection("O2C");
        var services = builder.Services;
        services.AddOptions<DunningLadderOptions>().Bind(o2c.GetSection("Dunning:Ladders")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DunningLadderOptions>, LadderOptionsValidation>();
        services.AddOptions<RiskThresholds>().Bind(o2c.GetSection("Risk"));
        services.AddSingleton<IValidateOptions<RiskThresholds>, RiskThresholdsValidation>();
        services.AddOptions<RiskThresholds>().ValidateOnStart();
        services.AddOptions<MessageOptions>().Bind(o2c.GetSection("Messages"));
        services.AddOptions<PaymentLinkOptions>().Bind(o2c.GetSection("Payments")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaymentLinkOptions>>(new PaymentLinkOptionsValidation(o2c["Messages:PaymentLinkBase"]));
        services.AddO2CCollectionsRules(o2c);

        services.AddSingleton(sp => new RiskPolicy(sp.GetRequiredService<IOptions<RiskThresholds>>().Value));
        services.AddSingleton<DunningLadders>();
        services.AddSingleton(sp => MessageTemplateCatalog.Load(sp.GetRequiredService<IOptions<MessageOptions>>().Value.TemplateFolder));
        services.AddSingleton(sp => PaymentLinkTemplate.TryParse(sp.GetRequiredService<IOptions<PaymentLinkOptions>>().Value.LinkTemplate, out var links, out var error)
            ? links
            : throw new InvalidOperationException($"{PaymentLinkOptions.LinkTemplateKey}: {error}"));
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<MessageComposer>();
        services.AddSingleton<OpenInvoiceQuery>();
        services.TryAddSingleton<IPaymentQueueSignal, NoPaymentQueueSignal>();
        services.AddO2CMetrics();
        services.AddSingleton<CustomerExposureQuery>();
        services.AddHostedService<TemplateValidation>();
        return builder;
    }
}
