using System.Collections;
using System.Globalization;

namespace O2C.Grains.Common;

/// <summary>
/// The log scope of a grain call: structured (<c>GrainId</c>, <c>BusinessTime</c> as JSON console
/// properties) and readable as text. Ids only: never a name, address or message body.
/// </summary>
internal sealed class GrainLogScope(GrainId grain, DateTimeOffset businessTime) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("GrainId", grain.ToString()),
        1 => new("BusinessTime", businessTime.ToString("O", CultureInfo.InvariantCulture)),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"grain {grain} at business time {businessTime:O}";
}
