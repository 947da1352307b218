using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace O2C.Api.Validation;

/// <summary>
/// Reads the fields of one JSON object, recording a precise error (by path) for every missing,
/// mistyped or out-of-range value instead of throwing, so a client learns all its mistakes at once.
/// </summary>
public sealed partial class JsonFields(JsonElement element, string path, FieldErrors errors, RequestValidationOptions limits)
{
    public const int MaxIdLength = 64;

    public FieldErrors Errors => errors;

    public string Path(string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>The limits this body is checked against, for the objects nested in it.</summary>
    public RequestValidationOptions Limits => limits;

    public static JsonFields? For(JsonElement element, string path, FieldErrors errors, RequestValidationOptions limits)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new JsonFields(element, path, errors, limits);
        }

        errors.Add(path.Length == 0 ? "body" : path, "must be a JSON object");
        return null;
    }

    public string? Id(string name, bool required = true)
    {
        var value = Text(name, required, MaxIdLength);
        if (value is not null && !IdPattern().IsMatch(value))
        {
            errors.Add(Path(name), "may contain only letters, digits and . _ : -");
            return null;
        }

        return value;
    }

    public string? Text(string name, bool required, int maxLength)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(Path(name), "must be a string");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(Path(name), "must not be empty");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(Path(name), $"must be at most {maxLength} characters");
            return null;
        }

        return text;
    }

    public string? OneOf(string name, bool required, params string[] allowed)
    {
        var text = Text(name, required, 32);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
        {
            errors.Add(Path(name), $"must be one of: {string.Join(", ", allowed)}");
            return null;
        }

        return text;
    }

    public string? Currency(string name, bool required = true)
    {
        var text = Text(name, required, 3);
        if (text is not null && !CurrencyPattern().IsMatch(text))
        {
            errors.Add(Path(name), "must be an ISO 4217 code of three capital letters, e.g. EUR");
            return null;
        }

        if (text is not null && !Currencies.IsActive(text))
        {
            errors.Add(Path(name), $"{text} is not an active ISO 4217 currency");
            return null;
        }

        return text;
    }

    public decimal? Number(string name, bool required, decimal min, decimal max, int maxDecimals, bool minExclusive = false)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            errors.Add(Path(name), "must be a number");
            return null;
        }

        if (minExclusive ? number <= min : number < min)
        {
            errors.Add(Path(name), minExclusive ? $"must be greater than {min.ToString(CultureInfo.InvariantCulture)}" : $"must be at least {min.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        if (number > max)
        {
            errors.Add(Path(name), $"must be at most {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        if (number.Scale > maxDecimals && decimal.Round(number, maxDecimals) != number)
        {
            errors.Add(Path(name), $"must have at most {maxDecimals} decimals");
            return null;
        }

        return number;
    }

    public int? WholeNumber(string name, bool required, int min, int max)
    {
        var number = Number(name, required, min, max, 0);
        return number is null ? null : (int)number.Value;
    }

    public DateOnly? Date(string name, bool required = true)
    {
        var text = Text(name, required, 10);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(Path(name), "must be a date as yyyy-MM-dd");
            return null;
        }

        return InWindow(name, date) ? date : null;
    }

    public DateTimeOffset? Timestamp(string name, bool required = true)
    {
        var text = Text(name, required, 40);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || !(text.EndsWith('Z') || text[^6] is '+' or '-'))
        {
            errors.Add(Path(name), "must be an ISO 8601 time with an offset, e.g. 2026-01-31T14:00:00Z");
            return null;
        }

        return InWindow(name, DateOnly.FromDateTime(time.UtcDateTime)) ? time.ToUniversalTime() : null;
    }

    /// <summary>The items of an array field, each with its own path; null when missing or not an array.</summary>
    public IReadOnlyList<(JsonElement Item, string Path)>? Array(string name, bool required, int minItems, int maxItems)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(Path(name), "must be an array");
            return null;
        }

        var length = value.GetArrayLength();
        if (length < minItems || length > maxItems)
        {
            errors.Add(Path(name), minItems == maxItems ? $"must have {minItems} items" : $"must have {minItems} to {maxItems} items");
            return null;
        }

        return value.EnumerateArray().Select((item, i) => (item, $"{Path(name)}[{i}]")).ToList();
    }

    /// <summary>A true/false field; false when missing.</summary>
    public bool Flag(string name)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add(Path(name), "must be true or false");
        return false;
    }

    public bool Has(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            errors.Add(Path(name), "is required");
        }

        return false;
    }

    // Dates and times alike: a year 1 or 9999 is a typo or a probe (issue 13), see RequestValidationOptions.
    private bool InWindow(string name, DateOnly date)
    {
        if (date >= limits.EarliestDate && date <= limits.LatestDate)
        {
            return true;
        }

        errors.Add(Path(name), $"must be between {limits.EarliestDate:yyyy-MM-dd} and {limits.LatestDate:yyyy-MM-dd}");
        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
