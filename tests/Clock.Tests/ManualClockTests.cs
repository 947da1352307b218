namespace O2C.Clock.Tests;

public sealed class ManualClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly BusinessClock _clock = BusinessClock.Manual(Start);
    private readonly List<(string Name, DateTimeOffset At)> _fired = [];

    [Fact]
    public void A_manual_clock_stands_still_until_moved_and_never_moves_back()
    {
        Assert.Equal(Start, _clock.GetUtcNow());
        _clock.MoveTo(Start.AddDays(3));
        _clock.MoveTo(Start.AddDays(1));
        Assert.Equal(Start.AddDays(3), _clock.GetUtcNow());
    }

    [Fact]
    public void Timers_fire_in_due_order_when_business_time_reaches_them_and_not_before()
    {
        using var c = Timer("c", TimeSpan.FromHours(3));
        using var a = Timer("a", TimeSpan.FromHours(1));
        using var b = Timer("b", TimeSpan.FromHours(2));

        _clock.MoveTo(Start.AddMinutes(59));
        Assert.Empty(_fired);

        _clock.MoveTo(Start.AddHours(2.5));
        Assert.Equal([("a", Start.AddHours(1)), ("b", Start.AddHours(2))], _fired);
        Assert.Equal(Start.AddHours(2.5), _clock.GetUtcNow());

        _clock.MoveTo(Start.AddHours(3));
        Assert.Equal(("c", Start.AddHours(3)), _fired[^1]);
        Assert.Equal(3, _fired.Count);
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_passed_interleaved_with_others_in_due_order()
    {
        using var periodic = Timer("p", TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        using var once = Timer("o", TimeSpan.FromMinutes(90));

        _clock.MoveTo(Start.AddHours(3.5));
        Assert.Equal([("p", Start.AddHours(1)), ("o", Start.AddHours(1.5)), ("p", Start.AddHours(2)), ("p", Start.AddHours(3))], _fired);

        _clock.MoveTo(Start.AddHours(4));
        Assert.Equal(("p", Start.AddHours(4)), _fired[^1]);
    }

    [Fact]
    public void Timers_due_at_one_instant_fire_in_the_order_they_were_scheduled()
    {
        using var first = Timer("first", TimeSpan.FromHours(1));
        using var second = Timer("second", TimeSpan.FromHours(1));

        _clock.MoveTo(Start.AddHours(1));

        Assert.Equal(["first", "second"], _fired.Select(f => f.Name));
    }

    [Fact]
    public void Change_reschedules_a_timer_and_Dispose_cancels_it()
    {
        using var later = Timer("later", TimeSpan.FromHours(1));
        using var stopped = Timer("stopped", TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var disposed = Timer("disposed", TimeSpan.FromHours(1));

        Assert.True(later.Change(TimeSpan.FromHours(3), Timeout.InfiniteTimeSpan));
        Assert.True(stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        disposed.Dispose();
        Assert.False(disposed.Change(TimeSpan.FromHours(2), Timeout.InfiniteTimeSpan));

        _clock.MoveTo(Start.AddHours(2));
        Assert.Empty(_fired);
        _clock.MoveTo(Start.AddDays(1));
        Assert.Equal([("later", Start.AddHours(3))], _fired);
    }

    [Fact]
    public void Change_counts_from_the_business_time_it_is_called_at()
    {
        using var timer = Timer("t", Timeout.InfiniteTimeSpan);
        _clock.MoveTo(Start.AddHours(5));

        timer.Change(TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        _clock.MoveTo(Start.AddDays(1));

        Assert.Equal([("t", Start.AddHours(6))], _fired);
    }

    [Fact]
    public async Task A_timer_due_now_fires_without_a_move_on_the_thread_pool()
    {
        var fired = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = _clock.CreateTimer(_ => fired.TrySetResult(_clock.GetUtcNow()), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        Assert.Equal(Start, await fired.Task.WaitAsync(Wait));
    }

    [Fact]
    public async Task Task_Delay_on_the_clock_completes_when_business_time_is_moved_past_it()
    {
        var delay = Task.Delay(TimeSpan.FromDays(1), _clock);

        _clock.MoveTo(Start.AddHours(23));
        Assert.False(delay.IsCompleted);

        _clock.MoveTo(Start.AddDays(2));
        await delay.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_cancelled_Task_Delay_never_fires()
    {
        using var cancellation = new CancellationTokenSource();
        var delay = Task.Delay(TimeSpan.FromDays(1), _clock, cancellation.Token);

        await cancellation.CancelAsync();
        _clock.MoveTo(Start.AddDays(2));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delay.WaitAsync(Wait));
    }

    [Fact]
    public void GetElapsedTime_measures_business_time()
    {
        var started = _clock.GetTimestamp();

        _clock.MoveTo(Start.AddDays(5).AddMinutes(3));

        Assert.Equal(TimeSpan.FromDays(5).Add(TimeSpan.FromMinutes(3)), _clock.GetElapsedTime(started));
    }

    [Fact]
    public void A_callback_may_use_the_clock_and_a_timer_it_schedules_within_the_move_fires_in_it()
    {
        ITimer? follower = null;
        using var leader = _clock.CreateTimer(_ =>
        {
            _fired.Add(("leader", _clock.GetUtcNow()));
            follower = Timer("follower", TimeSpan.FromMinutes(30));
        }, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        _clock.MoveTo(Start.AddHours(2));

        Assert.Equal([("leader", Start.AddHours(1)), ("follower", Start.AddHours(1.5))], _fired);
        follower!.Dispose();
    }

    [Fact]
    public void A_throwing_callback_does_not_stop_the_move()
    {
        using var failing = _clock.CreateTimer(_ => throw new InvalidOperationException("boom"), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        using var next = Timer("next", TimeSpan.FromHours(2));

        Assert.Throws<InvalidOperationException>(() => _clock.MoveTo(Start.AddHours(3)));

        Assert.Equal([("next", Start.AddHours(2))], _fired);
        Assert.Equal(Start.AddHours(3), _clock.GetUtcNow());
    }

    private ITimer Timer(string name, TimeSpan dueTime) => Timer(name, dueTime, Timeout.InfiniteTimeSpan);

    // Callbacks of a move run on the moving thread, one after the other: a plain list will do.
    private ITimer Timer(string name, TimeSpan dueTime, TimeSpan period) =>
        _clock.CreateTimer(_ => _fired.Add((name, _clock.GetUtcNow())), null, dueTime, period);
}
