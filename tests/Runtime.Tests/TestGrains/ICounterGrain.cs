namespace O2C.Runtime.Tests.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();
    Task<int> Get();
    Task<string?> Etag();
    Task IncrementWithRows(string note, bool breakProjection);
    Task Clear();
    Task Deactivate();
    Task<int> Activations();
    Task Fail();
    Task Spawn(string childKey, int count, bool breakProjection);
}
