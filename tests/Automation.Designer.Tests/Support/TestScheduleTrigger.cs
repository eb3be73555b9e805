using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Model;

namespace Automation.Designer.Tests.Support;

/// <summary>
/// A trigger from a module, registered by the designer tests so that the canvas, the triggers page and the schedules
/// page can be driven before the product's own triggers land. Its cron setting uses the cron editor, which is what makes
/// the schedules page list it (as it lists the product's Schedule trigger). Nothing fires it by itself: tests fire it
/// through <see cref="Automation.Engine.Triggers.TriggerStarter"/>.
/// </summary>
[Activity("TestSchedule", Category = "Triggers", DisplayName = "Test schedule", IsTrigger = true,
    Description = "Starts the workflow on a cron schedule (a test module's trigger).")]
[Outcome(Outcomes.Done)]
[Output("firedAt", "datetime", Description = "When the schedule fired.")]
public sealed class TestScheduleTrigger : TriggerActivity
{
    /// <summary>When the workflow starts (Quartz cron).</summary>
    [Input(Description = "When the workflow starts (Quartz cron, with seconds).", Editor = InputEditors.Cron, Required = true)]
    public string Cron { get; set; } = "";

    /// <summary>The time zone the cron is read in.</summary>
    [Input(DisplayName = "Time zone", Description = "The time zone the cron is read in.")]
    public string TimeZone { get; set; } = "Europe/London";

    /// <inheritdoc />
    public override IEnumerable<(string Input, string Message)> CheckSettings()
    {
        if (string.IsNullOrWhiteSpace(Cron)) yield return ("cron", "Give the schedule as a cron expression.");
    }
}
