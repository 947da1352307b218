using O2C.Clock;

namespace O2C.Api.Clock;

public sealed record ClockView(DateTimeOffset Now, ClockMode Mode, double Speed);
