using O2C.Clock;
using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using O2C.Runtime.Reminders;
using O2C.Runtime.Statistics;
using O2C.Runtime.Storage;

namespace O2C.Runtime.Activation;

/// <summary>
/// The heart of a silo: hands out grain references and runs calls on activations, one turn at
/// a time per grain, with a timeout, statistics, call filters and the retry after a lost
/// state write.
/// </summary>
internal sealed partial class GrainRuntime : IGrainFactory
{
    private static readonly MethodInfo InvokeTypedMethod =
        typeof(GrainRuntime).GetMethod(nameof(InvokeTypedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly IIncomingGrainCallFilter[] _filters;
    private readonly ILogger<GrainRuntime> _logger;

    public GrainRuntime(
        IServiceProvider services,
        GrainTypeRegistry registry,
        GrainStorage storage,
        ReminderRegistry reminders,
        GrainStatistics statistics,
        BusinessClock clock,
        IOptions<GrainCallOptions> callOptions,
        ILogger<GrainRuntime> logger)
    {
        Services = services;
        Registry = registry;
        Storage = storage;
        Reminders = reminders;
        Statistics = statistics;
        Clock = clock;
        CallOptions = callOptions.Value;
        Catalog = new ActivationCatalog(statistics);
        _filters = services.GetServices<IIncomingGrainCallFilter>().ToArray();
        _logger = logger;
    }

    public IServiceProvider Services { get; }
    public GrainTypeRegistry Registry { get; }
    public GrainStorage Storage { get; }
    public ReminderRegistry Reminders { get; }
    public GrainStatistics Statistics { get; }
    public BusinessClock Clock { get; }
    public GrainCallOptions CallOptions { get; }
    public ActivationCatalog Catalog { get; }

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(primaryKey);
        var grainClass = Registry.ForInterface(typeof(TGrainInterface));
        var reference = (GrainReference)(object)DispatchProxy.Create<TGrainInterface, GrainReference>();
        reference.Bind(this, new GrainId(grainClass.TypeName, primaryKey), grainClass);
        return (TGrainInterface)(object)reference;
    }

    /// <summary>A delegate that calls <see cref="InvokeTypedAsync{T}"/> for a method returning Task&lt;T&gt;, built once per method.</summary>
    public static Func<GrainRuntime, GrainId, GrainClass, GrainMethodInvoker, object?[], Task> CreateTypedDispatch(Type resultType) =>
        InvokeTypedMethod.MakeGenericMethod(resultType)
            .CreateDelegate<Func<GrainRuntime, GrainId, GrainClass, GrainMethodInvoker, object?[], Task>>();

    /// <summary>Turns a proxied interface call into a Task of the method's own return type.</summary>
    public object Dispatch(GrainId id, GrainClass grainClass, MethodInfo method, object?[] arguments)
    {
        var invoker = Registry.Invoker(method);
        if (invoker.ResultType is null)
        {
            return InvokeAsync(id, grainClass, invoker.Name, grain => CallAsync(grain, invoker, arguments));
        }

        return invoker.TypedDispatch!(this, id, grainClass, invoker, arguments);
    }

    /// <summary>Delivers a reminder tick to a grain in a normal turn.</summary>
    public Task DeliverReminderAsync(GrainId id, string reminderName, TickStatus status)
    {
        var grainClass = Registry.ForTypeName(id.Type);
        if (!grainClass.IsRemindable)
        {
            throw new InvalidOperationException($"Grain {id} has reminder '{reminderName}' but {grainClass.Type.Name} does not implement IRemindable.");
        }

        return InvokeAsync(id, grainClass, nameof(IRemindable.ReceiveReminder), async grain =>
        {
            await ((IRemindable)grain).ReceiveReminder(reminderName, status);
            return null;
        });
    }

    public async Task<object?> InvokeAsync(GrainId id, GrainClass grainClass, string method, Func<Grain, Task<object?>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var activation = Catalog.GetOrAdd(id, grainClass, this);
                using var timeout = new CancellationTokenSource(CallOptions.ResponseTimeout);
                try
                {
                    return await activation.InvokeAsync(call, timeout.Token).WaitAsync(timeout.Token);
                }
                catch (ActivationDeactivatedException)
                {
                    // Raced with a collection; the next attempt finds or creates a fresh activation.
                }
                catch (InconsistentStateException) when (attempt == 0)
                {
                    LogRetryAfterConflict(_logger, id.Type, id.Key, method);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    throw new GrainCallTimeoutException(id, method, CallOptions.ResponseTimeout);
                }
            }
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            Statistics.RecordCall(id.Type, method, Stopwatch.GetElapsedTime(started), failed);
        }
    }

    public void LogDeactivationFailed(GrainId id, DeactivationReason reason, Exception error) =>
        LogDeactivationError(_logger, id.Type, id.Key, reason, error);

    private async Task<T> InvokeTypedAsync<T>(GrainId id, GrainClass grainClass, GrainMethodInvoker invoker, object?[] arguments) =>
        (T)(await InvokeAsync(id, grainClass, invoker.Name, grain => CallAsync(grain, invoker, arguments)))!;

    private Task<object?> CallAsync(Grain grain, GrainMethodInvoker invoker, object?[] arguments)
    {
        if (_filters.Length == 0)
        {
            return invoker.InvokeAsync(grain, arguments);
        }

        var context = new IncomingGrainCallContext(grain, invoker, arguments, _filters);
        return InvokeThroughFiltersAsync(context);
    }

    private static async Task<object?> InvokeThroughFiltersAsync(IncomingGrainCallContext context)
    {
        await context.Invoke();
        return context.Result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain {GrainType} {GrainKey}: state write lost to a newer version during {Method}; retrying once on fresh state")]
    private static partial void LogRetryAfterConflict(ILogger logger, string grainType, string grainKey, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain {GrainType} {GrainKey}: OnDeactivateAsync ({Reason}) failed")]
    private static partial void LogDeactivationError(ILogger logger, string grainType, string grainKey, DeactivationReason reason, Exception error);
}
