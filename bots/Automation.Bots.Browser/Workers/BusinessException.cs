namespace Automation.Bots.Browser.Workers;

/// <summary>
/// Thrown by a bot when an item's data cannot be processed as it is: a supplier that does not exist, a purchase order
/// that does not match, a record with no start date. The item fails as a business exception and is never retried by
/// the queue; a person looks at it. The message is shown to that person, so it says what is wrong in their terms.
/// </summary>
public sealed class BusinessException : Exception
{
    /// <summary>Creates the exception with the reason a person reads and an optional machine-readable code (for failures by reason).</summary>
    public BusinessException(string message, string? code = null) : base(message) => Code = code;

    /// <summary>Creates the exception with the reason and the exception that revealed it.</summary>
    public BusinessException(string message, string? code, Exception inner) : base(message, inner) => Code = code;

    /// <summary>A short stable code for the reason (for example <c>unknown-supplier</c>), used to count failures by reason; null for none.</summary>
    public string? Code { get; }
}
