namespace O2C.Runtime.Tests.TestGrains;

/// <summary>A grain whose calls wait on gates the test opens, to observe turn scheduling without sleeps.</summary>
public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Enters, signals <paramref name="entered"/>, waits for gate <paramref name="gate"/>, leaves.</summary>
    Task<int> Pass(string entered, string gate);
}
