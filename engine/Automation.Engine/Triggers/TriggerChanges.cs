namespace Automation.Engine.Triggers;

/// <summary>
/// Tells this node's trigger hosts that registrations changed (a publish, a delete, a pause), so they reconcile at once
/// rather than at their next refresh. Other nodes learn of a change by their periodic refresh.
/// </summary>
public sealed class TriggerChanges
{
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every host waiting in <see cref="WaitAsync"/>.</summary>
    public void Notify()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>Returns when <see cref="Notify"/> is called or <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate) changed = _changed.Task;
        await Task.WhenAny(changed, Task.Delay(timeout, clock, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
