using Automation.Bots.Mail.Accounts;
using Automation.Engine.Triggers;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;

namespace Automation.Bots.Mail.Triggers;

/// <summary>
/// Keeps one EmailReceived trigger's mailbox folder watched: connects over IMAP, takes the waiting emails, then waits for
/// new ones (IMAP IDLE where the server has it and <see cref="EmailTriggerOptions.UseIdle"/> allows it, else polling) and takes them too; after a failure it reconnects with a
/// growing delay, recording each new kind of failure as a trigger event.
/// </summary>
internal sealed class MailboxWatcher(
    TriggerRegistration registration, EmailReceived settings, EmailIntake intake, Func<CancellationToken, Task<MailAccount>> unlock,
    TriggerStarter starter, EmailTriggerOptions options, MailServerTrust trust, TimeProvider clock, ILogger logger) : IAsyncDisposable
{
    // Servers end an IDLE after 30 minutes; renew well before (RFC 2177 suggests at most 29).
    private static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(9);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private volatile bool _changed;

    /// <summary>Starts watching in the background.</summary>
    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Stops watching and waits for the current email, if any, to be finished or abandoned.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var delay = options.ReconnectDelay;
        string? lastError = null;
        while (!stopping.IsCancellationRequested)
        {
            MailAccount? account = null;
            try
            {
                account = await unlock(stopping).ConfigureAwait(false);
                using var imap = await MailConnections.ConnectImapAsync(account, TimeSpan.FromSeconds(60), trust, stopping).ConfigureAwait(false);
                var folder = await imap.GetFolderAsync(settings.Folder.Trim(), stopping).ConfigureAwait(false);
                var processed = await OpenOrCreateAsync(imap, settings.ProcessedFolder.Trim(), stopping).ConfigureAwait(false);
                var quarantine = await OpenOrCreateAsync(imap, settings.QuarantineFolder.Trim(), stopping).ConfigureAwait(false);
                await folder.OpenAsync(FolderAccess.ReadWrite, stopping).ConfigureAwait(false);
                folder.CountChanged += (_, _) => _changed = true;
                if (lastError is not null) logger.LogInformation("EmailReceived {TriggerId}: watching {Account} {Folder} again", registration.Id, account, settings.Folder);
                lastError = null;
                delay = options.ReconnectDelay;
                while (!stopping.IsCancellationRequested)
                {
                    _changed = false;
                    if (!await intake.ProcessPendingAsync(folder, processed, quarantine, stopping).ConfigureAwait(false)) return;
                    await WaitForMailAsync(imap, folder, stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var message = e switch
                {
                    MailAccountException => e.Message,
                    _ when account is not null && MailFailure.Describe(e, account) is { } failure => failure.Message,
                    _ => $"The mailbox could not be watched: {e.Message}",
                };
                logger.LogWarning(e, "EmailReceived {TriggerId}: {Message}; trying again in {Delay}", registration.Id, message, delay);
                if (message != lastError)
                {
                    lastError = message;
                    try
                    {
                        await starter.RecordAsync(registration, TriggerEventKinds.Error, message, cancellationToken: stopping).ConfigureAwait(false);
                    }
                    catch (Exception recordError) when (recordError is not OperationCanceledException)
                    {
                        logger.LogWarning(recordError, "EmailReceived {TriggerId}: could not record the error event", registration.Id);
                    }
                }
                try
                {
                    await Task.Delay(delay, clock, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(options.ReconnectDelay.Ticks, settings.PollInterval.Ticks)));
            }
        }
    }

    /// <summary>Returns when new mail may have arrived, or after the poll interval.</summary>
    private async Task WaitForMailAsync(ImapClient imap, IMailFolder folder, CancellationToken stopping)
    {
        // Mail that arrived while the last batch was taken was announced (EXISTS) during those commands: look again now.
        if (_changed) return;
        if (!options.UseIdle || !imap.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            // Polling: the next ProcessPendingAsync searches the folder again, which shows mail delivered meanwhile.
            await Task.Delay(settings.PollInterval, clock, stopping).ConfigureAwait(false);
            return;
        }
        using var done = new CancellationTokenSource(settings.PollInterval < MaxIdle ? settings.PollInterval : MaxIdle, clock);
        void OnChanged(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += OnChanged;
        try
        {
            if (_changed) return;
            await imap.IdleAsync(done.Token, stopping).ConfigureAwait(false);
        }
        finally
        {
            folder.CountChanged -= OnChanged;
        }
    }

    private static async Task<IMailFolder> OpenOrCreateAsync(ImapClient imap, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await imap.GetFolderAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (FolderNotFoundException)
        {
            var root = imap.GetFolder(imap.PersonalNamespaces[0]);
            return await root.CreateAsync(name, true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The mail server did not create folder '{name}'.");
        }
    }
}
