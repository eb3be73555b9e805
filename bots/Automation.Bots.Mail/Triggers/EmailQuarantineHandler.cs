using System.Security.Cryptography;
using Automation.Bots.Mail.Accounts;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Triggers;
using MailKit;
using MailKit.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bots.Mail.Triggers;

/// <summary>
/// Hands a quarantined email back to its EmailReceived trigger: finds it in the quarantine folder by the hash of its
/// bytes and moves it back to the watched folder, where the trigger takes it again as new.
/// </summary>
public sealed class EmailQuarantineHandler(IServiceProvider services, ActivityRegistry registry) : IQuarantineHandler
{
    /// <inheritdoc />
    public string Source => EmailIntake.QuarantineSource;

    /// <inheritdoc />
    public async Task ReprocessAsync(QuarantinedItem item, TriggerRegistration? trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (trigger is null)
            throw new QuarantineReprocessException("The EmailReceived trigger that set this email aside no longer exists; the email is still in its quarantine folder.");
        var settings = EmailTriggerHost.Settings(registry, trigger);
        (string Folder, string Sha256) reference;
        try
        {
            reference = EmailQuarantineReference.Parse(item.Reference);
        }
        catch (FormatException e)
        {
            throw new QuarantineReprocessException(e.Message, e);
        }
        MailAccount? account = null;
        try
        {
            account = await MailConnections.UnlockAsync(services, settings.Credential, cancellationToken).ConfigureAwait(false);
            using var imap = await MailConnections.ConnectImapAsync(account, TimeSpan.FromSeconds(60), services.GetService<MailServerTrust>(), cancellationToken).ConfigureAwait(false);
            var quarantine = await imap.GetFolderAsync(reference.Folder, cancellationToken).ConfigureAwait(false);
            var target = await imap.GetFolderAsync(settings.Folder.Trim(), cancellationToken).ConfigureAwait(false);
            await quarantine.OpenAsync(FolderAccess.ReadWrite, cancellationToken).ConfigureAwait(false);
            foreach (var uid in await quarantine.SearchAsync(SearchQuery.NotDeleted, cancellationToken).ConfigureAwait(false))
            {
                using var stream = await quarantine.GetStreamAsync(uid, cancellationToken).ConfigureAwait(false);
                var hash = Convert.ToHexString(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false)).ToLowerInvariant();
                if (hash != reference.Sha256) continue;
                await quarantine.MoveToAsync(uid, target, cancellationToken).ConfigureAwait(false);
                await imap.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
                return;
            }
            throw new QuarantineReprocessException($"The email is no longer in folder '{reference.Folder}' of the mailbox (moved or deleted there).");
        }
        catch (MailAccountException e)
        {
            throw new QuarantineReprocessException(e.Message, e);
        }
        catch (Exception e) when (account is not null && MailFailure.Describe(e, account) is { } failure)
        {
            throw new QuarantineReprocessException(failure.Message, e);
        }
    }
}
