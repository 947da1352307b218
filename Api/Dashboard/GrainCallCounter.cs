using System.Collections.Concurrent;
using System.Diagnostics;
using O2C.Clock;
using O2C.Telemetry;
using Orleans;
using Orleans.Runtime;

namespace O2C.Api.Dashboard;

/// <summary>
/// Counts the grain calls this silo handles, per grain type and method: calls, errors and wall
/// latency, and separately the reminder ticks (<c>IRemindable.ReceiveReminder</c>) with their
/// business-time lag. Orleans' own metrics carry no per-method figures and the management grain
/// none per call, so the dashboard counts them here, in an incoming call filter: the documented
/// hook, one dictionary look-up and three interlocked adds a call. Per silo by nature: another
/// silo's calls are counted by its own filter. Each reminder tick is one measurement with two
/// readers: the page's histogram here and the business meter's wake-up series
/// (<see cref="O2CMetrics.WakeUpHandled"/>), so the dashboard and Prometheus count the same ticks;
/// here, rather than in our reminder delivery, because Orleans' reminder service ticks through it too.
/// The per-method call figures stay here: Orleans' meters have no method dimension.
/// </summary>
public sealed class GrainCallCounter(BusinessClock clock, O2CMetrics metrics) : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(GrainType Type, string Method), MethodCounter> _methods = new();
    private readonly ConcurrentDictionary<GrainType, string?> _typeNames = new();
    private readonly MethodCounter _reminders = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var grainType = context.TargetContext.GrainId.Type;
        if (TypeName(grainType, context.Grain) is null)
        {
            await context.Invoke();
            return;
        }

        var method = context.MethodName ?? "?";
        var counter = _methods.GetOrAdd((grainType, method), static _ => new MethodCounter());
        var tick = IsReminderTick(context, method);
        var lag = tick ? Lag(context) : (TimeSpan?)null;
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await context.Invoke();
            failed = context.Response?.Exception is not null;
        }
        finally
        {
            counter.Record(Stopwatch.GetElapsedTime(started), failed);
            if (tick)
            {
                var businessLag = lag ?? TimeSpan.Zero;
                _reminders.Record(businessLag, failed);
                metrics.WakeUpHandled(_typeNames[grainType]!, failed, businessLag, WallLag(businessLag));
            }
        }
    }

    public CallStatistics Snapshot()
    {
        var methods = _methods
            .Select(m => new MethodCalls(_typeNames[m.Key.Type]!, m.Key.Method, m.Value.Calls, m.Value.Errors, m.Value.Latency.Snapshot()))
            .OrderBy(m => m.GrainType, StringComparer.Ordinal).ThenBy(m => m.Method, StringComparer.Ordinal)
            .ToList();
        return new CallStatistics(
            DateTimeOffset.UtcNow, methods, new ReminderTicks(_reminders.Calls, _reminders.Errors, _reminders.Latency.Snapshot()));
    }

    // Orleans' own grains (the management grain the dashboard itself calls, the Orleans Dashboard's
    // grains, system targets) are left out: the panel is about the application's grains.
    private string? TypeName(GrainType type, object? grain) =>
        _typeNames.GetOrAdd(type, static (t, g) => IsOrleans(g) || t.ToString() is not { } name || name.StartsWith("sys.", StringComparison.Ordinal) ? null : name, grain);

    private static bool IsOrleans(object? grain) =>
        grain?.GetType().Assembly.GetName().Name?.StartsWith("Orleans", StringComparison.Ordinal) == true;

    private static bool IsReminderTick(IIncomingGrainCallContext context, string method) =>
        method == nameof(IRemindable.ReceiveReminder) && context.InterfaceMethod?.DeclaringType == typeof(IRemindable);

    // Business time runs by itself at the clock's speed, except under a Manual clock, which jumps:
    // there the time between a move and the handling is not in the tick, so no wall lag is told.
    private TimeSpan? WallLag(TimeSpan businessLag) => clock.Mode switch
    {
        ClockMode.Manual => null,
        ClockMode.Accelerated => businessLag / clock.Speed,
        _ => businessLag,
    };

    // The tick's due time is business time (the reminder service runs on the business clock).
    private TimeSpan? Lag(IIncomingGrainCallContext context)
    {
        if (context.Request.GetArgumentCount() < 2 || context.Request.GetArgument(1) is not TickStatus status)
        {
            return null;
        }

        var due = new DateTimeOffset(DateTime.SpecifyKind(status.CurrentTickTime, DateTimeKind.Utc));
        var lag = clock.GetUtcNow() - due;
        return lag > TimeSpan.Zero ? lag : TimeSpan.Zero;
    }
}
