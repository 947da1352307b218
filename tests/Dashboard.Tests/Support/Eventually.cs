namespace O2C.Dashboard.Tests.Support;

/// <summary>
/// Waits for something the dashboard's once-a-second wall-clock sampler produces; business time is
/// still driven by the manual clock. Fails with <paramref name="what"/> and the last value seen.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, double seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {seconds} s for {what}; last seen: {value}");
            }

            await Task.Delay(100);
        }
    }
}
