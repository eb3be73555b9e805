using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Model;

namespace Automation.Bots.Mail.Triggers;

/// <summary>
/// Starts the workflow once for each email that arrives in a mailbox folder, with the message as the workflow's input
/// and its attachments saved as documents; the message is then moved to the processed folder. A message that cannot be
/// used goes to the quarantine folder and the quarantine list instead. Watched by <see cref="EmailTriggerHost"/>.
/// </summary>
[Activity("EmailReceived", Category = "Triggers", DisplayName = "Email received", IsTrigger = true,
    Description = "Starts the workflow for each email that arrives in a mailbox folder, with its attachments saved as documents; the email then moves to a processed folder.")]
[Outcome(Outcomes.Done)]
[Output("messageId", "string", Description = "The message's Message-Id.")]
[Output("date", "datetime", Description = "When the sender sent it.")]
[Output("from", "object", Description = "The sender: { name, address }.")]
[Output("to", "array", Description = "The recipients: [{ name, address }].")]
[Output("cc", "array", Description = "The copy recipients: [{ name, address }].")]
[Output("replyTo", "array", Description = "Where replies should go: [{ name, address }].")]
[Output("subject", "string", Description = "The subject line.")]
[Output("text", "string", Description = "The plain-text body (null when the message has only HTML).")]
[Output("html", "string", Description = "The HTML body (null when the message has only text).")]
[Output("attachments", "array", Description = "The attachments, saved as documents: [{ documentId, name, contentType, size }].")]
[Output("mailbox", "object", Description = "Where it arrived: { credential, folder, uid }.")]
public sealed class EmailReceived : TriggerActivity
{
    /// <summary>The stored mail server account (IMAP) of the mailbox to watch.</summary>
    [Input(Description = "The mailbox to watch: a stored credential of kind 'Mail server account' with its IMAP host, port, security, user name and password.",
        Required = true, Editor = InputEditors.Credential)]
    public string Credential { get; set; } = "";

    /// <summary>The folder where new mail arrives.</summary>
    [Input(Description = "The folder to watch, e.g. INBOX.")]
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where a message goes once its workflow has started.</summary>
    [Input(Description = "Where each email is moved once its workflow has started (created when missing).")]
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>Where a message that cannot be used goes.</summary>
    [Input(Description = "Where an email that cannot be used (no valid sender, unreadable, refused by the workflow's inputs) is moved; it is also listed on the Quarantine page.")]
    public string QuarantineFolder { get; set; } = "Quarantine";

    /// <summary>Only messages whose sender contains this text.</summary>
    [Input(Description = "Only emails whose sender contains this text, e.g. @supplier.co.uk. Others stay in the folder untouched.")]
    public string? From { get; set; }

    /// <summary>Only messages whose subject contains this text.</summary>
    [Input(Description = "Only emails whose subject contains this text (not case-sensitive). Others stay in the folder untouched.")]
    public string? SubjectContains { get; set; }

    /// <summary>Only messages with at least one attachment.</summary>
    [Input(Description = "Only emails with at least one attachment. Others stay in the folder untouched.")]
    public bool HasAttachment { get; set; }

    /// <summary>How often to look for new mail when the server cannot push it (IMAP IDLE), and at most how long between looks.</summary>
    [Input(Description = "How often to look for new mail. Servers that support IMAP IDLE announce new mail at once; this is then the longest wait between looks.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    /// <remarks>One trigger per mailbox folder: two workflows taking mail from the same folder would race for each message.</remarks>
    public override string? TriggerKey => $"{Credential.Trim()}/{Folder.Trim()}".ToLowerInvariant();

    /// <inheritdoc />
    public override IEnumerable<(string Input, string Message)> CheckSettings()
    {
        if (string.IsNullOrWhiteSpace(Folder)) yield return ("folder", "Give the folder to watch, e.g. INBOX.");
        if (string.IsNullOrWhiteSpace(ProcessedFolder)) yield return ("processedFolder", "Give the folder processed emails move to.");
        if (string.IsNullOrWhiteSpace(QuarantineFolder)) yield return ("quarantineFolder", "Give the folder unusable emails move to.");
        var folders = new[] { Folder, ProcessedFolder, QuarantineFolder }.Select(f => f.Trim()).ToArray();
        if (folders.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 3 && folders.All(f => f.Length > 0))
            yield return ("processedFolder", "The watched, processed and quarantine folders must all be different.");
        if (PollInterval < TimeSpan.FromSeconds(1) || PollInterval > TimeSpan.FromHours(1))
            yield return ("pollInterval", "Give a poll interval between 1 second and 1 hour.");
    }
}
