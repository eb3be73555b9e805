namespace Automation.Engine.Runtime;

/// <summary>
/// Wakes the timer loop (<see cref="Hosting.TimerLoop"/>) when a timer earlier than the one it sleeps towards is saved.
/// The timers themselves are bookmarks with a due time, so they survive restarts.
/// </summary>
public sealed class DurableTimers
{
    private readonly object _gate = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _sleepingUntil = DateTimeOffset.MaxValue;

    /// <summary>Tells the loop that a timer is due at <paramref name="dueAt"/>.</summary>
    public void Wake(DateTimeOffset dueAt)
    {
        lock (_gate)
        {
            if (dueAt < _sleepingUntil) _wake.TrySetResult();
        }
    }

    /// <summary>Sleeps until <paramref name="until"/> or until woken for an earlier timer.</summary>
    public async Task SleepAsync(DateTimeOffset until, TimeProvider clock, CancellationToken cancellationToken)
    {
        Task woken;
        lock (_gate)
        {
            if (_wake.Task.IsCompleted) _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _sleepingUntil = until;
            woken = _wake.Task;
        }
        var delay = until - clock.GetUtcNow();
        if (delay > TimeSpan.Zero)
            await Task.WhenAny(woken, Task.Delay(delay, clock, cancellationToken)).ConfigureAwait(false);
        lock (_gate) _sleepingUntil = DateTimeOffset.MaxValue;
        cancellationToken.ThrowIfCancellationRequested();
    }
}
