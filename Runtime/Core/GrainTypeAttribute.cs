namespace O2C.Runtime;

/// <summary>
/// The stable type name a grain class is stored under. Without it the class name minus a
/// trailing "Grain", lower-cased, is used. Renaming a class must not orphan stored state,
/// so production grains name their type explicitly.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
