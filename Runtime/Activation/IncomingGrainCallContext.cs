using System.Reflection;

namespace O2C.Runtime.Activation;

internal sealed class IncomingGrainCallContext(
    Grain grain,
    GrainMethodInvoker invoker,
    object?[] arguments,
    IReadOnlyList<IIncomingGrainCallFilter> filters) : IIncomingGrainCallContext
{
    private int _next;

    public object Grain => grain;
    public GrainId GrainId => grain.GrainId;
    public MethodInfo InterfaceMethod => invoker.Method;
    public string InterfaceName => invoker.Method.DeclaringType!.Name;
    public string MethodName => invoker.Name;
    public object?[] Arguments => arguments;
    public object? Result { get; set; }

    public async Task Invoke()
    {
        if (_next < filters.Count)
        {
            await filters[_next++].Invoke(this);
            return;
        }

        Result = await invoker.InvokeAsync(grain, arguments);
    }
}
