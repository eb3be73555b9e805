using Automation.Engine.Activities.Framework;

namespace Automation.Engine.Activities.Triggers;

/// <summary>
/// An activity that starts its workflow when something happens outside (a schedule fires, a request or an email
/// arrives, a file is dropped). It takes the Start activity's place in the flowchart; its inputs are settings read
/// when the workflow is published, so they must be values, not expressions. Mark the class with
/// <see cref="ActivityAttribute.IsTrigger"/>.
/// </summary>
public interface ITriggerActivity : IActivity
{
    /// <summary>
    /// What the trigger listens on among triggers of its type (a hook's path), read after the settings are bound;
    /// null when the type needs no key. Two workflows cannot publish triggers of one type with the same key.
    /// </summary>
    string? TriggerKey { get; }

    /// <summary>Checks the bound settings beyond their types (a cron expression that parses, a folder path that is absolute).</summary>
    /// <returns>Each problem as the input's name and a sentence; empty when the settings are usable.</returns>
    IEnumerable<(string Input, string Message)> CheckSettings();
}
