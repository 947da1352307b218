namespace O2C.Runtime.Tests.TestGrains;

public sealed class AlarmState
{
    public TimeSpan ChainStep { get; set; }
    public int ChainLeft { get; set; }
}
