using System.Xml.Linq;

namespace O2C.CashApplication.Camt;

/// <summary>
/// Element look-up by local name only: each camt.053 version has its own namespace, and looking children up by name (not
/// by position) is what makes the reader indifferent to the element order real banks get wrong.
/// </summary>
internal static class CamtXml
{
    public static XElement? Child(this XElement element, string name)
    {
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName == name)
            {
                return child;
            }
        }

        return null;
    }

    public static IEnumerable<XElement> Children(this XElement element, string name) =>
        element.Elements().Where(e => e.Name.LocalName == name);

    public static XElement? Path(this XElement element, params string[] names)
    {
        XElement? current = element;
        foreach (var name in names)
        {
            current = current.Child(name);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The trimmed text at the path, or null when it is missing or blank.</summary>
    public static string? Text(this XElement element, params string[] names)
    {
        var found = names.Length == 0 ? element : element.Path(names);
        var value = found?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>A party's name: <c>Nm</c> directly under it (up to .001.06) or under <c>Pty</c> (from .001.07 on).</summary>
    public static string? PartyName(this XElement? party) =>
        party is null ? null : party.Text("Nm") ?? party.Text("Pty", "Nm");

    /// <summary>An account's identifier: its IBAN, else its <c>Othr/Id</c> (a domestic account number).</summary>
    public static string? AccountId(this XElement? account) =>
        account is null ? null : account.Text("Id", "IBAN") ?? account.Text("Id", "Othr", "Id");
}
