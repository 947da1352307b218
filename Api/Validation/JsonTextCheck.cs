using System.Text.Json;

namespace O2C.Api.Validation;

/// <summary>
/// Walks a parsed body once before any field is read, for what System.Text.Json lets through and
/// would otherwise surface later as a 500 or a silent change:
/// text that is not valid UTF-8 or holds a lone surrogate (<c>\ud800</c>) throws only when read;
/// a NUL character cannot be stored in a PostgreSQL text or jsonb column;
/// and a key given twice in one object would silently keep the last value.
/// </summary>
public static class JsonTextCheck
{
    public static void Check(JsonElement element, FieldErrors errors) => Walk(element, "", errors);

    private static void Walk(JsonElement element, string path, FieldErrors errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryRead(() => property.Name, out var name))
                    {
                        errors.Add(Field(path), "has a key that is not valid UTF-8 text (or holds a lone surrogate)");
                        continue;
                    }

                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    if (!names.Add(name))
                    {
                        errors.Add(child, "appears more than once in its object");
                    }

                    Walk(property.Value, child, errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", errors);
                }

                break;
            case JsonValueKind.String:
                if (!TryRead(element.GetString, out var text))
                {
                    errors.Add(Field(path), "must be valid UTF-8 text without lone surrogates");
                }
                else if (text.Contains('\0', StringComparison.Ordinal))
                {
                    errors.Add(Field(path), "must not contain the NUL character");
                }

                break;
        }
    }

    private static string Field(string path) => path.Length == 0 ? "body" : path;

    // System.Text.Json validates text only when it is turned into a .NET string, and says so by throwing.
    private static bool TryRead(Func<string?> read, out string text)
    {
        try
        {
            text = read() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
        catch (ArgumentException)
        {
            text = "";
            return false;
        }
    }
}
