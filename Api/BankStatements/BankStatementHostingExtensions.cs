using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Api.BankStatements;

public static class BankStatementHostingExtensions
{
    /// <summary>The camt.053 import (issue 16): options checked at start, the importer and its tables, the re-matcher of the payment queue.</summary>
    public static WebApplicationBuilder AddBankStatements(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BankStatementOptions>().BindConfiguration(BankStatementOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BankStatementOptions>, BankStatementOptionsValidator>();
        builder.Services.AddSingleton<BankStatementStore>();
        builder.Services.AddSingleton<StatementImporter>();

        // Invoice grains tell the re-matcher of every invoice issued; it replaces the silent default of AddO2CGrains.
        builder.Services.AddSingleton<QueuedPaymentRematcher>();
        builder.Services.RemoveAll<IPaymentQueueSignal>();
        builder.Services.AddSingleton<IPaymentQueueSignal>(sp => sp.GetRequiredService<QueuedPaymentRematcher>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueuedPaymentRematcher>());
        return builder;
    }
}
