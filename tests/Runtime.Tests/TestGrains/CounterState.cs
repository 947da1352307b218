namespace O2C.Runtime.Tests.TestGrains;

public sealed class CounterState
{
    public int Count { get; set; }
}
