using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Model;

namespace Automation.Engine.Tests.Triggers;

/// <summary>A trigger of the kind a module adds: a keyed setting, a defaulted one, and a check of its own.</summary>
[Activity("TestHook", Category = "Triggers", IsTrigger = true, Description = "Starts the workflow when the test says so.")]
[Outcome(Outcomes.Done)]
[Output("body", "object")]
public sealed class TestHookTrigger : TriggerActivity
{
    [Input(Required = true)]
    public string Path { get; set; } = "";

    [Input]
    public int Limit { get; set; } = 10;

    public override string? TriggerKey => Path.Trim('/').ToLowerInvariant();

    public override IEnumerable<(string Input, string Message)> CheckSettings()
    {
        if (Path.Contains(' ', StringComparison.Ordinal)) yield return ("path", "A hook path cannot contain spaces.");
    }
}
