using Microsoft.Extensions.Options;

namespace O2C.Api.BankStatements;

/// <summary>Stops the start on a matcher setting out of range, naming the key.</summary>
public sealed class BankStatementOptionsValidator : IValidateOptions<BankStatementOptions>
{
    public ValidateOptionsResult Validate(string? name, BankStatementOptions options)
    {
        try
        {
            options.Matching.Validate();
        }
        catch (ArgumentOutOfRangeException error)
        {
            return ValidateOptionsResult.Fail($"{BankStatementOptions.Section}: {error.Message}");
        }

        if (options.MaxStatementBytes < 1024)
        {
            return ValidateOptionsResult.Fail($"{BankStatementOptions.Section}:MaxStatementBytes must be at least 1024, not {options.MaxStatementBytes}.");
        }

        return options.MaxPaymentsInFlight < 1
            ? ValidateOptionsResult.Fail($"{BankStatementOptions.Section}:MaxPaymentsInFlight must be at least 1, not {options.MaxPaymentsInFlight}.")
            : ValidateOptionsResult.Success;
    }
}
