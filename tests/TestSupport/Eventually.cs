using Xunit;

namespace O2C.Tests.Support;

/// <summary>
/// Waits for what a silo does on its own wall-clock loops (the dashboard's sampler, the message
/// dispatcher's polls); business time is still driven by the manual clock. Asserts nothing about
/// how long it took; fails with <paramref name="what"/> and the last value seen when it never happens.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, double seconds = 30)
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

            await Task.Delay(50);
        }
    }
}
