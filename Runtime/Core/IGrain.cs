namespace O2C.Runtime;

/// <summary>Marker for every grain interface. Methods must return <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
public interface IGrain;
