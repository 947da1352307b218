using Microsoft.Extensions.Options;
using O2C.Grains.Dunning;

namespace O2C.Grains;

internal sealed class LadderOptionsValidation : IValidateOptions<DunningLadderOptions>
{
    public ValidateOptionsResult Validate(string? name, DunningLadderOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
