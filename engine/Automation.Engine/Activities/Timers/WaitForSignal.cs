using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;

namespace Automation.Engine.Activities.Timers;

/// <summary>Waits until a named signal arrives (<c>POST /api/signals/{name}</c>), optionally for one correlation id.</summary>
[Activity("WaitForSignal", Category = "Events", DisplayName = "Wait for signal",
    Description = "Waits until another system sends the named signal (for this case, when a correlation id is given).")]
[Outcome(Outcomes.Done)]
[Output("payload", "any", Description = "The data sent with the signal (the whole output is the payload).")]
public sealed class WaitForSignal : IResumableActivity
{
    /// <summary>The signal's name.</summary>
    [Input(Description = "The signal's name, e.g. invoice-approved.", Required = true)]
    public string Signal { get; set; } = "";

    /// <summary>Only a signal with this correlation id resumes the wait.</summary>
    [Input(Description = "Only a signal for this case (e.g. the invoice number) continues the flow.")]
    public string? CorrelationId { get; set; }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.CreateBookmark(BookmarkKinds.Signal, Signal, string.IsNullOrEmpty(CorrelationId) ? null : CorrelationId);
        return ActivityResult.Wait.AsTask();
    }

    /// <inheritdoc />
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        context.SetOutput(payload?.DeepClone());
        return ActivityResult.Done.AsTask();
    }
}
