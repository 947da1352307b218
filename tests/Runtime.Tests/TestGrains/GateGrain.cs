namespace O2C.Runtime.Tests.TestGrains;

public sealed class GateGrain(Gates gates) : Grain, IGateGrain
{
    public async Task<int> Pass(string entered, string gate)
    {
        var inside = gates.Enter();
        try
        {
            gates.Open(entered);
            await gates.WhenOpen(gate);
            return inside;
        }
        finally
        {
            gates.Leave();
        }
    }
}
