using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Activities.Primitives;

/// <summary>Writes a message to the instance's journal and the server log.</summary>
[Activity("Log", Category = "Data", Description = "Writes a message to the journal and the server log.")]
[Outcome(Outcomes.Done)]
public sealed class Log : IActivity
{
    /// <summary>The message; a Liquid template is handy here.</summary>
    [Input(Description = "The message to write; use a Liquid template to include values.", Required = true, Editor = InputEditors.MultilineText)]
    public string Message { get; set; } = "";

    /// <summary>Severity.</summary>
    [Input(Description = "How serious the message is.")]
    public LogSeverity Level { get; set; } = LogSeverity.Information;

    /// <inheritdoc />
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Log(Level switch
        {
            LogSeverity.Warning => LogLevel.Warning,
            LogSeverity.Error => LogLevel.Error,
            _ => LogLevel.Information,
        }, Message);
        return ActivityResult.Done.AsTask();
    }
}

/// <summary>Log levels offered to process owners.</summary>
public enum LogSeverity
{
    Information,
    Warning,
    Error,
}
