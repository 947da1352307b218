using Microsoft.Extensions.Options;

namespace O2C.Grains.Collections;

/// <summary>Fails the start with every collections configuration error, each naming its key.</summary>
internal sealed class CollectionsOptionsValidation :
    IValidateOptions<LatePaymentInterestOptions>,
    IValidateOptions<PaymentPlanOptions>,
    IValidateOptions<WorklistWeights>
{
    public ValidateOptionsResult Validate(string? name, LatePaymentInterestOptions options) => Result(options.Validate());

    public ValidateOptionsResult Validate(string? name, PaymentPlanOptions options) => Result(options.Validate());

    public ValidateOptionsResult Validate(string? name, WorklistWeights options) => Result(options.Validate());

    private static ValidateOptionsResult Result(IReadOnlyList<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
