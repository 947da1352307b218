using System.Text.RegularExpressions;

namespace O2C.Api.Validation;

/// <summary>Ids in the URL follow the same rule as ids in bodies.</summary>
public static partial class Ids
{
    public static bool Check(string id, FieldErrors errors, string field = "customerId")
    {
        if (id.Length is 0 or > JsonFields.MaxIdLength || !Pattern().IsMatch(id))
        {
            errors.Add(field, $"must be 1 to {JsonFields.MaxIdLength} letters, digits or . _ : -");
            return false;
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex Pattern();
}
