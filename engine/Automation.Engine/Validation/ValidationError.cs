namespace Automation.Engine.Validation;

/// <summary>One problem in a workflow definition, naming where it is.</summary>
/// <param name="Code">Stable machine code (for example <c>unknown-type</c>, <c>missing-input</c>).</param>
/// <param name="Message">Sentence for a person.</param>
/// <param name="ActivityId">The activity it concerns, when it concerns one.</param>
/// <param name="Field">The field within the activity or definition (for example <c>inputs.condition</c>, <c>connections[3].to</c>).</param>
public sealed record ValidationError(string Code, string Message, string? ActivityId = null, string? Field = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        ActivityId is null ? $"{Field}: {Message}" : $"activity '{ActivityId}' {Field}: {Message}";
}
