namespace Automation.Engine.Triggers;

/// <summary>Hands a quarantined input back to the trigger that set it aside (a message moved back to its mailbox folder, a file back to its folder).</summary>
/// <remarks>One handler per <see cref="QuarantinedItem.Source"/>; the trigger then sees the input again as new.</remarks>
public interface IQuarantineHandler
{
    /// <summary>The source this handler serves (<c>email</c>, <c>file</c>).</summary>
    string Source { get; }

    /// <summary>Puts the input back where its trigger will take it again.</summary>
    /// <exception cref="QuarantineReprocessException">The input cannot be handed back (it is no longer where it was put); the message says why.</exception>
    Task ReprocessAsync(QuarantinedItem item, TriggerRegistration? trigger, CancellationToken cancellationToken);
}

/// <summary>A quarantined input could not be handed back to its trigger.</summary>
public sealed class QuarantineReprocessException(string message, Exception? inner = null) : Exception(message, inner);
