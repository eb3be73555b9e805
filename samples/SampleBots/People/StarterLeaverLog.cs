using Microsoft.Extensions.Logging;

namespace Samples.Bots.People;

/// <summary>The starter/leaver bot's log lines (no personal details beyond the employee number and sign-in name).</summary>
internal static partial class StarterLeaverLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Created account {UserName} for employee {EmployeeNumber}")]
    public static partial void LogCreated(this ILogger logger, string employeeNumber, string userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Disabled account {UserName} of employee {EmployeeNumber} from {LeaveDate}")]
    public static partial void LogDisabled(this ILogger logger, string employeeNumber, string userName, string? leaveDate);
}
