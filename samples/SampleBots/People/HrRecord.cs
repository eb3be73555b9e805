using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Automation.Bots.Browser.Workers;

namespace Samples.Bots.People;

/// <summary>Whether an HR record asks for an account to be created or disabled.</summary>
public enum HrRecordKind
{
    /// <summary>An active worker: the account is created (once).</summary>
    Starter,

    /// <summary>An inactive worker, or one with a leave date: the account is disabled from the leave date.</summary>
    Leaver,
}

/// <summary>
/// One HR record as the Microsoft Entra inbound-provisioning CSV carries it (WorkerID, WorkerStatus, WorkerType, UserID,
/// FirstName, LastName, ManagerID, HireDate, Department, JobTitle, ...), plus an optional leave date under any of the
/// names <c>LeaveDate</c>, <c>TerminationDate</c> or <c>LastDayOfWork</c> (the SCIM payload's names). Field names match
/// in any case; values are trimmed.
/// </summary>
public sealed partial record HrRecord
{
    /// <summary>The names a leave date may come under, in the order they are looked at.</summary>
    public static readonly IReadOnlyList<string> LeaveDateFields = ["LeaveDate", "TerminationDate", "LastDayOfWork"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ"];

    /// <summary>The employee number (the portal's key).</summary>
    public required string WorkerId { get; init; }

    /// <summary>Starter or leaver.</summary>
    public required HrRecordKind Kind { get; init; }

    /// <summary>Employee, Contractor or Intern (as the feed writes it).</summary>
    public required string WorkerType { get; init; }

    /// <summary>First name.</summary>
    public required string FirstName { get; init; }

    /// <summary>Last name.</summary>
    public required string LastName { get; init; }

    /// <summary>The line manager's employee number; null when the record names none.</summary>
    public string? ManagerId { get; init; }

    /// <summary>The start date (HireDate).</summary>
    public DateOnly? HireDate { get; init; }

    /// <summary>The leave date, when the record gives one.</summary>
    public DateOnly? LeaveDate { get; init; }

    /// <summary>Department.</summary>
    public required string Department { get; init; }

    /// <summary>Job title.</summary>
    public required string JobTitle { get; init; }

    /// <summary>"First Last".</summary>
    public string FullName => $"{FirstName} {LastName}";

    /// <summary>
    /// Reads <paramref name="data"/> (a queue item's data). A record is a leaver when WorkerStatus is Inactive or it has a
    /// leave date, otherwise a starter; a starter needs names, a department, a job title and a hire date.
    /// </summary>
    /// <exception cref="BusinessException">Code <see cref="StarterLeaverCodes.InvalidRecord"/>: a field is missing or not valid; the message names it.</exception>
    public static HrRecord From(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var workerId = Text(data, "WorkerID");
        if (workerId is null) throw Invalid("the record has no WorkerID (the employee number)");
        if (!EmployeeNumber().IsMatch(workerId)) throw Invalid($"WorkerID '{workerId}' is not an employee number (letters, digits and - only, at most 20)");

        var status = Text(data, "WorkerStatus");
        if (status is not null && !status.Equals("Active", StringComparison.OrdinalIgnoreCase) && !status.Equals("Inactive", StringComparison.OrdinalIgnoreCase))
            throw Invalid($"WorkerStatus of {workerId} is '{status}'; it must be Active or Inactive");
        DateOnly? leaveDate = null;
        foreach (var field in LeaveDateFields)
        {
            if (Text(data, field) is not { } leave) continue;
            leaveDate = ParseDate(leave) ?? throw Invalid($"{field} of {workerId} is '{leave}', which is not a date (use YYYY-MM-DD)");
            break;
        }
        var kind = leaveDate is not null || string.Equals(status, "Inactive", StringComparison.OrdinalIgnoreCase) ? HrRecordKind.Leaver : HrRecordKind.Starter;
        if (status is null && kind == HrRecordKind.Starter) throw Invalid($"the record of {workerId} has no WorkerStatus (Active or Inactive)");

        var hire = Text(data, "HireDate");
        var hireDate = hire is null ? null : ParseDate(hire);
        var manager = Text(data, "ManagerID");
        if (manager is not null && !EmployeeNumber().IsMatch(manager)) throw Invalid($"ManagerID of {workerId} is '{manager}', which is not an employee number");
        var record = new HrRecord
        {
            WorkerId = workerId,
            Kind = kind,
            WorkerType = Text(data, "WorkerType") ?? "",
            FirstName = Text(data, "FirstName") ?? "",
            LastName = Text(data, "LastName") ?? "",
            ManagerId = manager,
            HireDate = hireDate,
            LeaveDate = leaveDate,
            Department = Text(data, "Department") ?? "",
            JobTitle = Text(data, "JobTitle") ?? "",
        };
        if (kind == HrRecordKind.Leaver) return record;

        var missing = new[] { ("FirstName", record.FirstName), ("LastName", record.LastName), ("Department", record.Department), ("JobTitle", record.JobTitle), ("WorkerType", record.WorkerType) }
            .Where(f => f.Item2.Length == 0).Select(f => f.Item1).ToList();
        if (hire is null) missing.Add("HireDate");
        if (missing.Count > 0) throw Invalid($"the starter record of {workerId} has no {string.Join(", ", missing)}");
        if (hireDate is null) throw Invalid($"HireDate of {workerId} is '{hire}', which is not a date (use YYYY-MM-DD)");
        if (record.FirstName.Length > 50 || record.LastName.Length > 50) throw Invalid($"the name of {workerId} is longer than the portal's 50 characters");
        return record;
    }

    /// <summary>A date written as YYYY-MM-DD (the feed's format), DD/MM/YYYY, or an ISO date and time (its date); null otherwise.</summary>
    public static DateOnly? ParseDate(string text)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        return DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? DateOnly.FromDateTime(time.UtcDateTime)
            : null;
    }

    // Field names match in any case (a hand-made CSV writes workerId); the value is text whatever its JSON type.
    private static string? Text(JsonObject data, string name)
    {
        foreach (var (key, value) in data)
        {
            if (!key.Equals(name, StringComparison.OrdinalIgnoreCase) || value is null) continue;
            var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
        return null;
    }

    private static BusinessException Invalid(string what) => new($"Invalid HR record: {what}.", StarterLeaverCodes.InvalidRecord);

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex EmployeeNumber();
}
