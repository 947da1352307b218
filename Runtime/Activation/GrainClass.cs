using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using O2C.Runtime.Storage;

namespace O2C.Runtime.Activation;

/// <summary>
/// One grain class: its stored type name and how to construct it. Constructor parameters marked
/// <see cref="PersistentStateAttribute"/> get a state facet bound to the grain; the rest come
/// from the container.
/// </summary>
internal sealed class GrainClass
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainClass).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConstructorInfo _constructor;
    private readonly Func<IServiceProvider, GrainId, GrainStorage, object>[] _arguments;

    public GrainClass(Type type)
    {
        Type = type;
        TypeName = type.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultTypeName(type);
        IsRemindable = typeof(IRemindable).IsAssignableFrom(type);
        _constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {type.Name} has no public constructor.");
        _arguments = _constructor.GetParameters().Select(ArgumentFactory).ToArray();
    }

    public Type Type { get; }

    public string TypeName { get; }

    public bool IsRemindable { get; }

    public (Grain Grain, IReadOnlyList<IActivationState> States) Create(IServiceProvider services, GrainId id, GrainStorage storage)
    {
        var arguments = _arguments.Select(factory => factory(services, id, storage)).ToArray();
        var grain = (Grain)_constructor.Invoke(arguments);
        return (grain, arguments.OfType<IActivationState>().ToList());
    }

    private static string DefaultTypeName(Type type)
    {
        var name = type.Name.EndsWith("Grain", StringComparison.Ordinal) ? type.Name[..^"Grain".Length] : type.Name;
        return name.ToLowerInvariant();
    }

    private static Func<IServiceProvider, GrainId, GrainStorage, object> ArgumentFactory(ParameterInfo parameter)
    {
        var state = parameter.GetCustomAttribute<PersistentStateAttribute>();
        if (state is null)
        {
            return (services, _, _) => services.GetRequiredService(parameter.ParameterType);
        }

        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException($"[PersistentState] parameter '{parameter.Name}' must be an IPersistentState<T>.");
        }

        var create = CreateStateMethod.MakeGenericMethod(type.GetGenericArguments()[0])
            .CreateDelegate<Func<GrainId, string, GrainStorage, object>>();
        return (_, id, storage) => create(id, state.StateName, storage);
    }

    private static PersistentState<TState> CreateState<TState>(GrainId id, string stateName, GrainStorage storage) where TState : new() =>
        new PersistentState<TState>(id, stateName, storage);
}
