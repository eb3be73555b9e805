namespace Automation.Bots.Mail.Triggers;

/// <summary>Settings of the EmailReceived trigger host, bound from <c>Automation:Triggers:Email</c>.</summary>
public sealed class EmailTriggerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Automation:Triggers:Email";

    /// <summary>How long to wait before connecting again after the mailbox could not be reached (doubling up to the poll interval).</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether to wait for new mail with IMAP IDLE when the server offers it (true, the default: new mail is taken at
    /// once). False looks for new mail every trigger's poll interval instead, for servers whose IDLE is unreliable
    /// (some proxies and load balancers drop connections that stay quiet); servers without IDLE are always polled.
    /// </summary>
    public bool UseIdle { get; set; } = true;

    /// <summary>
    /// Fault injection for the crash tests only: after an email's instance is persisted, stop before moving the email
    /// (the watcher waits until the server stops), so that a test can kill the server at exactly that point. Never set it
    /// in production.
    /// </summary>
    public bool HoldBeforeMove { get; set; }
}
