using System.Reflection;

namespace O2C.Runtime.Activation;

/// <summary>Maps grain interfaces to their classes and stored type names to classes.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClass> _byInterface = [];
    private readonly Dictionary<string, GrainClass> _byTypeName = new(StringComparer.Ordinal);
    private readonly Dictionary<MethodInfo, GrainMethodInvoker> _invokers = [];

    public GrainTypeRegistry(IEnumerable<Type> grainClasses)
    {
        foreach (var type in grainClasses.Distinct())
        {
            var grainClass = new GrainClass(type);
            if (!_byTypeName.TryAdd(grainClass.TypeName, grainClass))
            {
                throw new InvalidOperationException($"Grain classes {_byTypeName[grainClass.TypeName].Type.Name} and {type.Name} share the type name '{grainClass.TypeName}'.");
            }

            foreach (var grainInterface in type.GetInterfaces().Where(IsGrainInterface))
            {
                if (!_byInterface.TryAdd(grainInterface, grainClass))
                {
                    throw new InvalidOperationException($"Grain interface {grainInterface.Name} is implemented by both {_byInterface[grainInterface].Type.Name} and {type.Name}.");
                }

                foreach (var method in grainInterface.GetMethods())
                {
                    _invokers[method] = new GrainMethodInvoker(method);
                }
            }
        }
    }

    public IEnumerable<GrainClass> Classes => _byTypeName.Values;

    public static bool IsGrainInterface(Type type) =>
        type.IsInterface && typeof(IGrain).IsAssignableFrom(type) && type != typeof(IGrain) && type != typeof(IGrainWithStringKey);

    public GrainClass ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException($"No grain class implements {grainInterface.Name}; register its assembly with AddGrains.");

    public GrainClass ForTypeName(string typeName) =>
        _byTypeName.TryGetValue(typeName, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException($"No grain class is registered for stored type '{typeName}'.");

    public GrainMethodInvoker Invoker(MethodInfo method) => _invokers[method];
}
