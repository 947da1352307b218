using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace O2C.Grains.Collections;

/// <summary>
/// Late-payment interest rules per country (ISO code), bound from <c>O2C:Collections:Interest</c>.
/// A country left out of configuration keeps its shipped rules (<c>Collections/late-payment-interest.json</c>,
/// embedded); a configured country replaces them as a whole, as a configured dunning ladder does.
/// </summary>
public sealed class LatePaymentInterestOptions
{
    /// <summary>The section under <c>O2C</c>.</summary>
    public const string SectionName = "Collections:Interest";

    public const string ConfigurationPath = "O2C:" + SectionName;

    private const string ShippedResource = "O2C.Grains.Collections.late-payment-interest.json";

    private static readonly Lazy<LatePaymentInterestOptions> ShippedOptions = new(LoadShipped);

    public Dictionary<string, CountryInterestRules> Countries { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rules shipped with the product, before any configuration.</summary>
    public static LatePaymentInterestOptions Shipped => ShippedOptions.Value;

    /// <summary>Every country with rules, configured or shipped, in code order.</summary>
    public IReadOnlyList<string> CountryCodes =>
        Countries.Keys.Concat(Shipped.Countries.Keys).Select(c => c.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The rules for <paramref name="country"/>, or null when it has none: no statutory interest is claimed then.</summary>
    public CountryInterestRules? RulesFor(string country) =>
        Countries.TryGetValue(country, out var configured) ? configured
        : Shipped.Countries.GetValueOrDefault(country);

    /// <summary>Every configuration error of every country, each naming its country and period.</summary>
    public IReadOnlyList<string> Validate() =>
        CountryCodes.SelectMany(c => RulesFor(c)!.Validate(c)).ToList();

    private static LatePaymentInterestOptions LoadShipped()
    {
        using var stream = typeof(LatePaymentInterestOptions).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The embedded resource {ShippedResource} is missing from {typeof(LatePaymentInterestOptions).Assembly.GetName().Name}.");
        var configuration = new ConfigurationBuilder().AddJsonStream(stream).Build();
        var options = new LatePaymentInterestOptions();
        configuration.GetSection(ConfigurationPath).Bind(options);
        return options;
    }
}
