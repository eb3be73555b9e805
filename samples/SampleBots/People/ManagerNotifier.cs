using System.Globalization;
using System.Text.RegularExpressions;
using Automation.Bots.Browser.Workers;
using Automation.Bots.Mail.Accounts;
using Automation.Bots.Mail.Messages;
using MimeKit;

namespace Samples.Bots.People;

/// <summary>
/// Tells a line manager that their starter's account was created or their leaver's account disabled, through the
/// mail module's sending code (<see cref="MailSender"/>) and the bot's mail server credential. The message id is made
/// from the queue item and the action, so a notice sent again by a retry of the same item carries the same id and the
/// receiving side can tell it is the same message.
/// </summary>
public static partial class ManagerNotifier
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Sends the notice of <paramref name="action"/> (created or disabled) for <paramref name="account"/> to <paramref name="manager"/>.</summary>
    /// <returns>The address the notice went to.</returns>
    /// <exception cref="InvalidOperationException">The mail credential or the sender setting cannot be used, or the mail server could not be reached (a retry may help).</exception>
    /// <exception cref="BusinessException">The mail server refused the notice for good (code <see cref="StarterLeaverCodes.NotificationRefused"/>): the account work is done, the manager must be told by hand.</exception>
    /// <param name="context">The item being worked.</param>
    /// <param name="settings">The bot's settings (mail credential, sender).</param>
    /// <param name="manager">The line manager to tell.</param>
    /// <param name="account">The starter's or leaver's account.</param>
    /// <param name="action">created or disabled.</param>
    /// <param name="trust">The host's mail certificate trust (a council's own CAs); null for the machine's store only.</param>
    /// <param name="cancellationToken">Stops the sending.</param>
    public static async Task<string> SendAsync(BotItemContext context, StarterLeaverSettings settings, StaffAccount manager, StaffAccount account, string action,
        MailServerTrust? trust, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(account);
        if (!MailAddresses.IsAddress(manager.Email))
            throw new BusinessException(
                $"Account {account.UserName} was {action}, but the line manager {manager.EmployeeNumber}'s email in the portal, '{manager.Email}', is not an address. Tell the manager by hand.",
                StarterLeaverCodes.NotificationRefused);
        MailAccount mail;
        MimeMessage message;
        try
        {
            mail = await MailConnections.UnlockAsync(context.Credentials, settings.MailCredential, cancellationToken).ConfigureAwait(false);
            context.AddSecret(mail.Password);
            message = Compose(context, settings, mail, manager, account, action);
        }
        catch (Exception e) when (e is MailAccountException or FormatException)
        {
            throw new InvalidOperationException("Starter/leaver bot cannot send notifications: " + e.Message, e);
        }

        if (await MailSender.SendAsync(mail, message, Timeout, trust, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            if (failure.Transient) throw new MailServerUnavailableException(failure.Message);
            throw new BusinessException(
                $"Account {account.UserName} was {action}, but the notice to the line manager {manager.EmployeeNumber} <{manager.Email}> was refused: {failure.Message} Tell the manager by hand.",
                StarterLeaverCodes.NotificationRefused);
        }
        return manager.Email!;
    }

    private static MimeMessage Compose(BotItemContext context, StarterLeaverSettings settings, MailAccount mail, StaffAccount manager, StaffAccount account, string action)
    {
        var message = new MimeMessage();
        var sender = MailSender.Sender(mail, settings.From);
        message.From.Add(sender);
        message.To.Add(new MailboxAddress($"{manager.FirstName} {manager.LastName}", MailAddresses.ParseOne(manager.Email!, "manager email").Address));
        var name = $"{account.FirstName} {account.LastName}";
        var starter = action == StarterLeaverBot.Created;
        message.Subject = starter
            ? $"New starter: {name} ({account.EmployeeNumber}) starts on {Day(account.StartDate)}"
            : $"Leaver: {name} ({account.EmployeeNumber}) account disabled from {Day(account.LeaveDate)}";
        var text = starter
            ? $"""
              Dear {manager.FirstName},

              An account has been set up in PeopleNet for your new starter {name} (employee {account.EmployeeNumber}),
              {account.JobTitle}, {account.Department}, starting on {Day(account.StartDate)}.

              Sign-in name: {account.UserName}
              Licence:      {account.Licence}
              Groups:       {string.Join(", ", account.Groups)}

              This message was sent by the starter/leaver bot.
              """
            : $"""
              Dear {manager.FirstName},

              The PeopleNet account {account.UserName} of {name} (employee {account.EmployeeNumber}) has been disabled
              from their leave date, {Day(account.LeaveDate)}.

              This message was sent by the starter/leaver bot.
              """;
        message.Body = new TextPart("plain") { Text = text };
        message.MessageId = $"starter-leaver.{IdPart(context.Item.Id)}.{action}@{(string.IsNullOrEmpty(sender.Domain) ? "automation" : sender.Domain)}";
        return message;
    }

    private static string Day(string? isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))
            : isoDate ?? "?";

    private static string IdPart(string value) => UnsafeIdCharacters().Replace(value, "-");

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeIdCharacters();
}
