namespace O2C.Api.Tests;

internal static class StringExtensions
{
    public static string Quote(this string text) => $"\"{text}\"";
}
