using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace O2C.Api.BankStatements;

public static class BankStatementHostingExtensions
{
    /// <summary>The camt.053 import (issue 16): options checked at start, the importer and its tables.</summary>
    public static WebApplicationBuilder AddBankStatements(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BankStatementOptions>().BindConfiguration(BankStatementOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BankStatementOptions>, BankStatementOptionsValidator>();
        builder.Services.AddSingleton<BankStatementStore>();
        builder.Services.AddSingleton<StatementImporter>();
        return builder;
    }
}
