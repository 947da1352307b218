using Microsoft.Extensions.Options;
using O2C.Grains.Risk;

namespace O2C.Grains;

internal sealed class RiskThresholdsValidation : IValidateOptions<RiskThresholds>
{
    public ValidateOptionsResult Validate(string? name, RiskThresholds options)
    {
        var errors = options.Validate().Select(e => "O2C:Risk: " + e).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
