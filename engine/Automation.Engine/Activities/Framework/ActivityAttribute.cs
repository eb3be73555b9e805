namespace Automation.Engine.Activities.Framework;

/// <summary>Marks a class as an activity and describes it for the designer's palette.</summary>
/// <param name="type">The type name used in definitions (for example <c>Decision</c>).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type) : Attribute
{
    /// <summary>The type name used in definitions.</summary>
    public string Type { get; } = type;

    /// <summary>Palette group (for example "Control flow").</summary>
    public string Category { get; init; } = "General";

    /// <summary>Name shown in the palette; the type name when null.</summary>
    public string? DisplayName { get; init; }

    /// <summary>One or two sentences a process owner understands.</summary>
    public string Description { get; init; } = "";

    /// <summary>
    /// The input whose value (an array of strings, or of objects with a <c>name</c>) lists extra outcome ports,
    /// as Fork's branches and Switch's cases do.
    /// </summary>
    public string? DynamicOutcomesInput { get; init; }

    /// <summary>True for loops (ForEach, While): their <c>Body</c> port opens a child scope per iteration.</summary>
    public bool IsLoop { get; init; }

    /// <summary>
    /// True for triggers (<see cref="Triggers.ITriggerActivity"/>): the activity starts the workflow in the Start
    /// activity's place, and its inputs are settings that must be values.
    /// </summary>
    public bool IsTrigger { get; init; }
}

/// <summary>Declares an outcome port of an activity.</summary>
/// <param name="name">The port name used in connections.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OutcomeAttribute(string name) : Attribute
{
    /// <summary>The port name used in connections.</summary>
    public string Name { get; } = name;
}

/// <summary>Declares a field of the activity's output object (<c>activities.&lt;id&gt;.output.&lt;name&gt;</c>).</summary>
/// <param name="name">Field name.</param>
/// <param name="type">One of the value types (string, number, boolean, object, array, datetime, any).</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OutputAttribute(string name, string type) : Attribute
{
    /// <summary>Field name.</summary>
    public string Name { get; } = name;

    /// <summary>Value type.</summary>
    public string Type { get; } = type;

    /// <summary>What the field holds.</summary>
    public string Description { get; init; } = "";
}

/// <summary>Marks a settable property as an activity input, bound from the definition before each execution.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>Label in the property panel; the property name split into words when null.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Help text shown under the field.</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether the definition must give a value.</summary>
    public bool Required { get; init; }

    /// <summary>Editor hint for the designer; derived from the property type when null (see <see cref="InputEditors"/>).</summary>
    public string? Editor { get; init; }

    /// <summary>Choices for a choice editor; enums supply their own.</summary>
    public string[]? Options { get; init; }

    /// <summary>
    /// When true, the activity receives the raw source text of the input instead of its value, and evaluates it itself
    /// (While re-evaluates its condition each iteration). Literal strings are taken as JavaScript source.
    /// </summary>
    public bool EvaluatedByActivity { get; init; }

    /// <summary>When true the value is masked in the journal.</summary>
    public bool Secret { get; init; }
}

/// <summary>Editor hints for inputs, which the designer maps to controls.</summary>
public static class InputEditors
{
    public const string Text = "text";
    public const string MultilineText = "multiline";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Choice = "choice";
    public const string Duration = "duration";
    public const string DateTime = "datetime";
    public const string Json = "json";
    public const string Code = "code";
    public const string StringList = "stringList";
    public const string Cases = "cases";
    public const string Credential = "credential";
    public const string Cron = "cron";
}
