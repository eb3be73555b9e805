using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;

namespace Automation.Designer.Tests.Support;

/// <summary>
/// An activity from a module (an extra assembly, as councils add their own), whose input is a cron schedule: the
/// designer's cron editor is reached through it until the product's own schedule trigger arrives.
/// </summary>
[Activity("NightlyReport", Category = "Test module", DisplayName = "Nightly report", Description = "Builds a report on a schedule.")]
[Outcome(Outcomes.Done)]
public sealed class NightlyReport : IActivity
{
    /// <summary>When the report is built.</summary>
    [Input(Description = "When the report is built.", Editor = InputEditors.Cron)]
    public string Schedule { get; set; } = "";

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ActivityResult.Done.AsTask();
}
