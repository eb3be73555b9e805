using System.Collections.Concurrent;
using Automation.Engine.Triggers;

namespace Automation.Designer.Tests.Support;

/// <summary>Hands back quarantined inputs of the source <c>test</c>: it only remembers which it was given.</summary>
public sealed class TestQuarantineHandler : IQuarantineHandler
{
    /// <summary>The source it serves.</summary>
    public const string TestSource = "test";

    /// <summary>The ids of the items handed back, in order.</summary>
    public ConcurrentQueue<string> Reprocessed { get; } = new();

    /// <inheritdoc />
    public string Source => TestSource;

    /// <inheritdoc />
    public Task ReprocessAsync(QuarantinedItem item, TriggerRegistration? trigger, CancellationToken cancellationToken)
    {
        Reprocessed.Enqueue(item.Id);
        return Task.CompletedTask;
    }
}
