using System.Reflection;

namespace O2C.Runtime.Activation;

/// <summary>How to call one grain interface method and unwrap its result, built once per method.</summary>
internal sealed class GrainMethodInvoker
{
    private readonly PropertyInfo? _result;

    public GrainMethodInvoker(MethodInfo method)
    {
        Method = method;
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            ResultType = null;
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            ResultType = returnType.GetGenericArguments()[0];
            _result = returnType.GetProperty(nameof(Task<int>.Result));
            TypedDispatch = GrainRuntime.CreateTypedDispatch(ResultType);
        }
        else
        {
            throw new InvalidOperationException(
                $"Grain method {method.DeclaringType?.Name}.{method.Name} returns {returnType.Name}; grain methods must return Task or Task<T>.");
        }
    }

    public MethodInfo Method { get; }

    public Type? ResultType { get; }

    public string Name => Method.Name;

    /// <summary>For Task&lt;T&gt; methods: produces the Task&lt;T&gt; the caller awaits.</summary>
    public Func<GrainRuntime, GrainId, GrainClass, GrainMethodInvoker, object?[], Task>? TypedDispatch { get; }

    public async Task<object?> InvokeAsync(object grain, object?[] arguments)
    {
        var task = (Task)Method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null)!;
        await task;
        return _result?.GetValue(task);
    }
}
