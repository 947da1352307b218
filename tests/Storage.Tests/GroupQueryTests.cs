namespace O2C.Storage.Tests;

public sealed class GroupQueryTests
{
    [Fact]
    public async Task Keys_asked_while_a_query_runs_are_answered_together_by_the_next_one()
    {
        var batches = new List<string[]>();
        var firstRunning = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        await using var query = new GroupQuery<string, int>(async keys =>
        {
            lock (batches)
            {
                batches.Add([.. keys]);
            }

            if (batches.Count == 1)
            {
                firstRunning.SetResult();
                await releaseFirst.Task;
            }

            return keys.Where(k => k != "missing").ToDictionary(k => k, k => k.Length);
        }, missing: -1, loops: 1);

        var first = query.GetAsync("a");
        await firstRunning.Task;
        var waiting = new List<Task<int>> { query.GetAsync("bb"), query.GetAsync("ccc"), query.GetAsync("bb"), query.GetAsync("missing") };
        releaseFirst.SetResult();

        Assert.Equal(1, await first);
        var answers = await Task.WhenAll(waiting);
        Assert.Equal([2, 3, 2, -1], answers);
        Assert.Equal([["a"], ["bb", "ccc", "missing"]], batches);
    }

    [Fact]
    public async Task A_failed_query_fails_only_the_keys_it_was_asked_for()
    {
        await using var query = new GroupQuery<string, int>(
            keys => keys.Contains("bad") ? throw new InvalidOperationException("boom") : Task.FromResult<IReadOnlyDictionary<string, int>>(keys.ToDictionary(k => k, _ => 1)),
            missing: 0, loops: 1);

        Assert.Equal("boom", (await Assert.ThrowsAsync<InvalidOperationException>(() => query.GetAsync("bad"))).Message);
        Assert.Equal(1, await query.GetAsync("good"));
    }
}
