using Microsoft.Extensions.Options;

namespace O2C.Api.Validation;

internal sealed class RequestValidationOptionsValidation : IValidateOptions<RequestValidationOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestValidationOptions options) =>
        options.EarliestDate <= options.LatestDate
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"O2C:Validation: EarliestDate {options.EarliestDate:yyyy-MM-dd} is after LatestDate {options.LatestDate:yyyy-MM-dd}");
}
