namespace Automation.Engine.Queues;

/// <summary>A queue setting or an item field is not valid; <see cref="ArgumentException.ParamName"/> names it.</summary>
public sealed class InvalidQueueInputException(string field, string message) : ArgumentException(message, field)
{
    /// <summary>The message alone (without the "(Parameter …)" suffix an ArgumentException adds), fit to show a person.</summary>
    public override string Message { get; } = message;
}
