namespace Samples.Bots.People;

/// <summary>
/// The codes of the starter/leaver bot's business exceptions (items a person must look at), as counted in the queue's
/// failures by reason.
/// </summary>
public static class StarterLeaverCodes
{
    /// <summary>The record is missing something or holds a value that cannot be keyed (no WorkerID, a date that is not a date).</summary>
    public const string InvalidRecord = "invalid-record";

    /// <summary>The record's ManagerID is not an active account in the portal.</summary>
    public const string UnknownManager = "unknown-manager";

    /// <summary>A leaver whose employee number has no account in the portal.</summary>
    public const string NoAccount = "no-account";

    /// <summary>A starter whose employee number already has an account with other details (a mover, or a reused number).</summary>
    public const string AccountDiffers = "account-differs";

    /// <summary>The record's department is not one of the portal's departments.</summary>
    public const string UnknownDepartment = "unknown-department";

    /// <summary>The licence or a group the bot's settings give is not offered by the portal (the settings need fixing).</summary>
    public const string UnknownChoice = "unknown-choice";

    /// <summary>The leave date is before the account's start date.</summary>
    public const string LeaveBeforeStart = "leave-before-start";

    /// <summary>The account work was done but the mail server refused the manager's notification for good (a bad address).</summary>
    public const string NotificationRefused = "notification-refused";
}
