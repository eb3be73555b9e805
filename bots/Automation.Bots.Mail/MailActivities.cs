using System.Reflection;

namespace Automation.Bots.Mail;

/// <summary>The mail module: its activities (SendEmail, ReadMailbox) for the engine's registry.</summary>
public static class MailActivities
{
    /// <summary>The assembly holding the mail activities; pass it to <c>AddWorkflowEngine</c>.</summary>
    public static Assembly Assembly => typeof(MailActivities).Assembly;
}
