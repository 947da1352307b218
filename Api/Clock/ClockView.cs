using O2C.Clock;
using O2C.Runtime;

namespace O2C.Api.Clock;

public sealed record ClockView(DateTimeOffset Now, ClockMode Mode, double Speed);
