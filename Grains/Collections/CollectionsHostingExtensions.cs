using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace O2C.Grains.Collections;

public static class CollectionsHostingExtensions
{
    /// <summary>
    /// The collections rules' options: late-payment interest (<c>O2C:Collections:Interest</c>), payment
    /// plans (<c>O2C:Collections:PaymentPlans</c>) and worklist weights (<c>O2C:Collections:Worklist</c>),
    /// validated at start. Called by <c>AddO2CGrains</c>.
    /// </summary>
    public static IServiceCollection AddO2CCollectionsRules(this IServiceCollection services, IConfiguration o2c)
    {
        services.AddOptions<LatePaymentInterestOptions>().Bind(o2c.GetSection(LatePaymentInterestOptions.SectionName)).ValidateOnStart();
        services.AddOptions<PaymentPlanOptions>().Bind(o2c.GetSection(PaymentPlanOptions.SectionName)).ValidateOnStart();
        services.AddOptions<WorklistWeights>().Bind(o2c.GetSection(WorklistWeights.SectionName)).ValidateOnStart();
        services.AddSingleton<CollectionsOptionsValidation>();
        services.AddSingleton<IValidateOptions<LatePaymentInterestOptions>>(sp => sp.GetRequiredService<CollectionsOptionsValidation>());
        services.AddSingleton<IValidateOptions<PaymentPlanOptions>>(sp => sp.GetRequiredService<CollectionsOptionsValidation>());
        services.AddSingleton<IValidateOptions<WorklistWeights>>(sp => sp.GetRequiredService<CollectionsOptionsValidation>());
        return services;
    }
}
