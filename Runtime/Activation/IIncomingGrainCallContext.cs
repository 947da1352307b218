using System.Reflection;

namespace O2C.Runtime;

public interface IIncomingGrainCallContext
{
    object Grain { get; }
    GrainId GrainId { get; }
    MethodInfo InterfaceMethod { get; }
    string InterfaceName { get; }
    string MethodName { get; }
    object?[] Arguments { get; }

    /// <summary>The call's result once <see cref="Invoke"/> completed; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Calls the next filter, or the grain method itself.</summary>
    Task Invoke();
}
