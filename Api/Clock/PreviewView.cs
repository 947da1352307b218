using O2C.Grains.Interfaces.Preview;

namespace O2C.Api.Clock;

/// <summary>What a clock advance from <see cref="From"/> to <see cref="To"/> would queue, in business-time order.</summary>
public sealed record PreviewView(DateTimeOffset From, DateTimeOffset To, int Count, IReadOnlyList<PreviewedMessage> Messages);
