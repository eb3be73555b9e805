using System.Globalization;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;
using Automation.Bots.Mail.Accounts;
using Automation.Engine.Credentials;

namespace Samples.Bots.People;

/// <summary>
/// Sets up starters and disables leavers in the people portal (PeopleNet) from HR records (see <see cref="HrRecord"/>),
/// and tells each line manager by email. A starter's account gets the record's name, job title, department, manager
/// and start date, the licence of its worker type and the groups of its role (see <see cref="StarterLeaverSettings"/>);
/// a leaver's account is disabled from the leave date (today when the record gives none).
/// </summary>
/// <remarks>
/// Idempotent: the employee number is looked up first. A starter whose account exists with the same details, or a
/// leaver already disabled, succeeds as <c>alreadyDone</c> without keying anything; the manager is told again only
/// when this item was tried before (its earlier attempt may have done the work and died before the notice went), with
/// the same message id. Bad records are business exceptions with the codes of <see cref="StarterLeaverCodes"/>.
/// The notice is sent trusting the host's <see cref="MailServerTrust"/> (a council's own certificate authorities), which
/// the server registers; without one, the machine's certificate store only.
/// </remarks>
public sealed class StarterLeaverBot(TimeProvider? clock = null, MailServerTrust? mailTrust = null) : IQueueBot
{
    /// <summary>The bot's name in the bot host's configuration.</summary>
    public const string BotName = "starter-leaver";

    /// <summary>Output action: the account was created by this item.</summary>
    public const string Created = "created";

    /// <summary>Output action: the account was disabled by this item.</summary>
    public const string Disabled = "disabled";

    /// <summary>Output action: the portal already held what the record asks for.</summary>
    public const string AlreadyDone = "alreadyDone";

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc />
    public string Name => BotName;

    /// <inheritdoc />
    /// <exception cref="BusinessException">The record cannot be keyed as it is; the code says why (<see cref="StarterLeaverCodes"/>).</exception>
    /// <exception cref="InvalidOperationException">The bot's settings or credentials cannot be used, or the portal showed something unexpected (retried).</exception>
    public async Task<JsonObject?> ProcessAsync(BotItemContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = StarterLeaverSettings.Read(context);
        var record = HrRecord.From(context.Item.Data);
        var (user, password) = await SignOnCredentialAsync(context, settings, cancellationToken).ConfigureAwait(false);
        var portal = new PeopleNetPortal(context.Page, settings.BaseUrl, user, password, context.TypeSecretAsync);
        return record.Kind == HrRecordKind.Starter
            ? await StartAsync(context, settings, portal, record, cancellationToken).ConfigureAwait(false)
            : await LeaveAsync(context, settings, portal, record, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> StartAsync(BotItemContext context, StarterLeaverSettings settings, PeopleNetPortal portal, HrRecord record, CancellationToken cancellationToken)
    {
        if (!settings.LicenceByWorkerType.TryGetValue(record.WorkerType, out var licence))
            throw new BusinessException(
                $"Invalid HR record: WorkerType of {record.WorkerId} is '{record.WorkerType}', which has no licence in the bot's licenceByWorkerType ({string.Join(", ", settings.LicenceByWorkerType.Keys)}).",
                StarterLeaverCodes.InvalidRecord);
        var groups = settings.Groups.For(record);

        if (await portal.FindAsync(record.WorkerId).ConfigureAwait(false) is { } existing)
            return await ExistingStarterAsync(context, settings, portal, record, existing, cancellationToken).ConfigureAwait(false);

        StaffAccount? manager = null;
        if (record.ManagerId is { } managerId)
        {
            manager = await portal.FindAsync(managerId).ConfigureAwait(false);
            if (manager is not { IsActive: true })
                throw new BusinessException(
                    $"The manager of {record.FullName} ({record.WorkerId}), employee {managerId}, {(manager is null ? "has no account in the portal" : "has a disabled account")}: give an active line manager.",
                    StarterLeaverCodes.UnknownManager);
        }

        var answer = await portal.CreateAsync(new NewAccount(record.WorkerId, record.FirstName, record.LastName, record.JobTitle, record.Department,
            record.ManagerId, record.HireDate!.Value, licence, groups)).ConfigureAwait(false);
        if (answer.UserName is null)
        {
            // Another worker (or a person) created it between the look-up and the post.
            if (answer.Messages.Any(m => m.StartsWith("P02", StringComparison.Ordinal)) && await portal.FindAsync(record.WorkerId).ConfigureAwait(false) is { } raced)
                return await ExistingStarterAsync(context, settings, portal, record, raced, cancellationToken).ConfigureAwait(false);
            throw Refused(record, answer.Messages);
        }

        var created = await portal.FindAsync(record.WorkerId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The portal said it created user {answer.UserName} for {record.WorkerId}, but the staff record is not there.");
        context.Logger.LogCreated(record.WorkerId, created.UserName);
        var output = Output(Created, record, created);
        return Merge(output, await NotifyAsync(context, settings, portal, created, Created, manager, cancellationToken).ConfigureAwait(false));
    }

    private async Task<JsonObject> ExistingStarterAsync(BotItemContext context, StarterLeaverSettings settings, PeopleNetPortal portal, HrRecord record, StaffAccount existing,
        CancellationToken cancellationToken)
    {
        var differences = Differences(record, existing);
        if (differences.Count > 0)
            throw new BusinessException(
                $"Employee {record.WorkerId} already has account {existing.UserName} with other details ({string.Join("; ", differences)}): check whether this is a mover or a reused employee number.",
                StarterLeaverCodes.AccountDiffers);
        var output = Output(AlreadyDone, record, existing);
        return Merge(output, WasTriedBefore(context)
            ? await NotifyAsync(context, settings, portal, existing, Created, null, cancellationToken).ConfigureAwait(false)
            : NotSent("the account already existed; the manager was told when it was made"));
    }

    private async Task<JsonObject> LeaveAsync(BotItemContext context, StarterLeaverSettings settings, PeopleNetPortal portal, HrRecord record, CancellationToken cancellationToken)
    {
        var account = await portal.FindAsync(record.WorkerId).ConfigureAwait(false)
            ?? throw new BusinessException($"Leaver {record.WorkerId}{(record.FullName.Trim().Length > 0 ? $" ({record.FullName})" : "")} has no account in the portal to disable.",
                StarterLeaverCodes.NoAccount);
        if (account.IsDisabled) return await AlreadyDisabledAsync(context, settings, portal, record, account, cancellationToken).ConfigureAwait(false);

        var leaveDate = record.LeaveDate ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), London).DateTime);
        var messages = await portal.DisableAsync(record.WorkerId, leaveDate).ConfigureAwait(false);
        if (messages.Any(m => m.StartsWith("P21", StringComparison.Ordinal)))
            return await AlreadyDisabledAsync(context, settings, portal, record, (await portal.FindAsync(record.WorkerId).ConfigureAwait(false))!, cancellationToken).ConfigureAwait(false);
        if (messages.Count > 0) throw Refused(record, messages);

        var disabled = await portal.FindAsync(record.WorkerId).ConfigureAwait(false);
        if (disabled is not { IsDisabled: true })
            throw new InvalidOperationException($"The portal said the account of {record.WorkerId} was disabled, but its record shows status {disabled?.Status ?? "(gone)"}.");
        context.Logger.LogDisabled(record.WorkerId, disabled.UserName, disabled.LeaveDate);
        return Merge(Output(Disabled, record, disabled), await NotifyAsync(context, settings, portal, disabled, Disabled, null, cancellationToken).ConfigureAwait(false));
    }

    private async Task<JsonObject> AlreadyDisabledAsync(BotItemContext context, StarterLeaverSettings settings, PeopleNetPortal portal, HrRecord record, StaffAccount account,
        CancellationToken cancellationToken) =>
        Merge(Output(AlreadyDone, record, account), WasTriedBefore(context)
            ? await NotifyAsync(context, settings, portal, account, Disabled, null, cancellationToken).ConfigureAwait(false)
            : NotSent("the account was already disabled; the manager was told then"));

    // The notice goes to the line manager the portal holds for the account; a missing manager or address is recorded, not failed.
    private async Task<JsonObject> NotifyAsync(BotItemContext context, StarterLeaverSettings settings, PeopleNetPortal portal, StaffAccount account, string action,
        StaffAccount? manager, CancellationToken cancellationToken)
    {
        if (account.ManagerNumber is not { } managerNumber) return NotSent("the account has no line manager");
        manager ??= await portal.FindAsync(managerNumber).ConfigureAwait(false);
        if (manager is null) return NotSent($"line manager {managerNumber} has no account in the portal");
        if (string.IsNullOrWhiteSpace(manager.Email)) return NotSent($"line manager {managerNumber} ({manager.FirstName} {manager.LastName}) has no email address in the portal");
        var to = await ManagerNotifier.SendAsync(context, settings, manager, account, action, mailTrust, cancellationToken).ConfigureAwait(false);
        return new JsonObject { ["notified"] = true, ["notifiedTo"] = to };
    }

    private static async Task<(string User, string Password)> SignOnCredentialAsync(BotItemContext context, StarterLeaverSettings settings, CancellationToken cancellationToken)
    {
        UnlockedCredential credential;
        try
        {
            credential = await context.Credentials.UnlockAsync(settings.Credential, cancellationToken).ConfigureAwait(false);
        }
        catch (KeyNotFoundException e)
        {
            throw new InvalidOperationException($"Starter/leaver bot setting 'credential': {e.Message}", e);
        }
        var user = credential.Field("username");
        if (credential.Kind != CredentialKinds.UsernamePassword.Name || string.IsNullOrWhiteSpace(user) || !credential.Secrets.TryGetValue("password", out var password))
            throw new InvalidOperationException($"Starter/leaver bot setting 'credential': {credential} must be a user name and password credential for the people portal.");
        context.AddSecret(password);
        return (user, password);
    }

    // An item taken before (a retry, or an operator's retry of a failed item) may have done the work without telling the manager.
    private static bool WasTriedBefore(BotItemContext context) => context.Item.Attempts > 1 || context.Item.FailureReason is not null;

    private static List<string> Differences(HrRecord record, StaffAccount account)
    {
        var start = record.HireDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        (string Field, string Portal, string Record)[] pairs =
        [
            ("first name", account.FirstName, record.FirstName), ("last name", account.LastName, record.LastName),
            ("job title", account.JobTitle, record.JobTitle), ("department", account.Department, record.Department),
            ("line manager", account.ManagerNumber ?? "", record.ManagerId ?? ""), ("start date", account.StartDate, start),
        ];
        return pairs.Where(p => !string.Equals(p.Portal.Trim(), p.Record.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.Field} '{p.Portal}' in the portal, '{p.Record}' in the record").ToList();
    }

    // The portal's refusal messages start with their code (P06 Line Mgr 42 not found or not active).
    private static BusinessException Refused(HrRecord record, IReadOnlyList<string> messages)
    {
        var code = messages.Select(m => m.Length >= 3 ? m[..3] : m).FirstOrDefault() switch
        {
            "P06" => StarterLeaverCodes.UnknownManager,
            "P05" => StarterLeaverCodes.UnknownDepartment,
            "P08" or "P09" => StarterLeaverCodes.UnknownChoice,
            "P20" => StarterLeaverCodes.NoAccount,
            "P23" => StarterLeaverCodes.LeaveBeforeStart,
            "P01" or "P03" or "P04" or "P07" or "P10" or "P22" => StarterLeaverCodes.InvalidRecord,
            _ => null,
        };
        var text = $"The portal refused {(record.Kind == HrRecordKind.Starter ? "the new account" : "to disable the account")} of {record.WorkerId}: {string.Join(" / ", messages)}";
        return code is null ? throw new InvalidOperationException(text) : new BusinessException(text, code);
    }

    private static JsonObject Output(string action, HrRecord record, StaffAccount account)
    {
        var output = new JsonObject
        {
            ["action"] = action,
            ["kind"] = record.Kind == HrRecordKind.Starter ? "starter" : "leaver",
            ["employeeNumber"] = account.EmployeeNumber,
            ["userId"] = account.UserName,
            ["status"] = account.Status,
            ["licence"] = account.Licence,
            ["groups"] = new JsonArray([.. account.Groups.Select(g => (JsonNode?)JsonValue.Create(g))]),
            ["startDate"] = account.StartDate,
        };
        if (account.LeaveDate is not null) output["leaveDate"] = account.LeaveDate;
        return output;
    }

    private static JsonObject NotSent(string why) => new() { ["notified"] = false, ["notification"] = "not sent: " + why };

    private static JsonObject Merge(JsonObject output, JsonObject notification)
    {
        foreach (var (key, value) in notification) output[key] = value?.DeepClone();
        return output;
    }
}
