using System.Text.Json;
using Automation.Bots.Mail.Accounts;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Activities.Triggers;
using Automation.Engine.Documents;
using Automation.Engine.Triggers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Bots.Mail.Triggers;

/// <summary>
/// Runs one <see cref="MailboxWatcher"/> per published, unpaused EmailReceived trigger on this node, and restarts a
/// watcher when its workflow is republished with other settings.
/// </summary>
/// <remarks>
/// Every node runs the watchers of every EmailReceived trigger. Two nodes watching one folder take the same email at
/// most once between them: its instance id is derived from the message, so the second start is a duplicate, and
/// the second move finds the email gone.
/// </remarks>
public sealed class EmailTriggerHost(
    IServiceProvider services, ActivityRegistry registry, ITriggerStore triggerStore, TriggerChanges changes, TriggerStarter starter, IDocumentStore documents,
    TimeProvider timeProvider, IOptions<TriggerOptions> triggerOptions, IOptions<EmailTriggerOptions> options, MailServerTrust trust, ILoggerFactory loggers)
    : TriggerHost(triggerStore, changes, timeProvider, triggerOptions, loggers.CreateLogger<EmailTriggerHost>())
{
    private readonly ITriggerStore _store = triggerStore;
    private readonly TimeProvider _clock = timeProvider;
    private readonly Dictionary<string, (string Fingerprint, MailboxWatcher Watcher)> _watchers = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<EmailTriggerHost>();

    /// <summary>The activity type this host serves.</summary>
    public const string Type = "EmailReceived";

    /// <inheritdoc />
    protected override string TriggerType => Type;

    /// <inheritdoc />
    protected override async Task ReconcileAsync(IReadOnlyList<TriggerRegistration> registrations, CancellationToken cancellationToken)
    {
        var wanted = registrations.Where(r => !r.Paused).ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var (id, (fingerprint, watcher)) in _watchers.ToList())
        {
            if (wanted.TryGetValue(id, out var registration) && Fingerprint(registration) == fingerprint) continue;
            _watchers.Remove(id);
            await watcher.DisposeAsync().ConfigureAwait(false);
            _logger.LogInformation("EmailReceived {TriggerId}: stopped watching", id);
        }
        foreach (var registration in wanted.Values.Where(r => !_watchers.ContainsKey(r.Id)))
        {
            var watcher = Create(registration);
            _watchers[registration.Id] = (Fingerprint(registration), watcher);
            watcher.Start();
            _logger.LogInformation("EmailReceived {TriggerId}: watching the mailbox of credential '{Credential}'", registration.Id,
                registration.Settings["credential"]?.ToString());
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (_, watcher) in _watchers.Values) await watcher.DisposeAsync().ConfigureAwait(false);
        _watchers.Clear();
    }

    /// <summary>The settings of <paramref name="registration"/> bound to an <see cref="EmailReceived"/>.</summary>
    /// <exception cref="InvalidOperationException">The EmailReceived activity is not registered.</exception>
    /// <exception cref="FormatException">A setting has the wrong type.</exception>
    internal static EmailReceived Settings(ActivityRegistry registry, TriggerRegistration registration) =>
        registry.TryGet(Type, out var type)
            ? (EmailReceived)TriggerSettings.Bind(type, registration.Settings)
            : throw new InvalidOperationException("The EmailReceived activity is not registered: pass the mail module's assembly to AddWorkflowEngine.");

    private MailboxWatcher Create(TriggerRegistration registration)
    {
        var settings = Settings(registry, registration);
        var logger = loggers.CreateLogger<MailboxWatcher>();
        var intake = new EmailIntake(registration, settings, starter, _store, documents, options.Value, _clock, logger);
        return new MailboxWatcher(registration, settings, intake, ct => MailConnections.UnlockAsync(services, settings.Credential, ct),
            starter, options.Value, trust, _clock, logger);
    }

    private static string Fingerprint(TriggerRegistration registration) =>
        registration.Version + ":" + JsonSerializer.Serialize(registration.Settings);
}
