using Automation.Engine.Model;

namespace Automation.Engine.Runtime;

/// <summary>
/// Told when an instance has ended (finished, faulted or cancelled) on this node, after the end was saved, so a module
/// can free what it held for the instance in memory (a browser session). Register implementations in DI; every one is called.
/// </summary>
public interface IInstanceEndedHandler
{
    /// <summary>Frees what the module holds for <paramref name="instance"/>. Exceptions are logged and otherwise ignored.</summary>
    ValueTask OnInstanceEndedAsync(WorkflowInstance instance, CancellationToken cancellationToken);
}
