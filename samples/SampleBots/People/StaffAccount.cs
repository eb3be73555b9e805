namespace Samples.Bots.People;

/// <summary>An account as the portal's staff record page shows it.</summary>
/// <param name="EmployeeNumber">Employee number (the HR key).</param>
/// <param name="UserName">The sign-in name the portal gave the account.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="JobTitle">Job title.</param>
/// <param name="Department">Department.</param>
/// <param name="ManagerNumber">The line manager's employee number, or null.</param>
/// <param name="StartDate">Start date as shown (YYYY-MM-DD).</param>
/// <param name="Licence">Licence.</param>
/// <param name="Groups">Access groups.</param>
/// <param name="Status">Active or Disabled.</param>
/// <param name="LeaveDate">Leave date as shown, once disabled.</param>
/// <param name="Email">Email address, or null when the portal holds none.</param>
public sealed record StaffAccount(
    string EmployeeNumber, string UserName, string FirstName, string LastName, string JobTitle, string Department, string? ManagerNumber,
    string StartDate, string Licence, IReadOnlyList<string> Groups, string Status, string? LeaveDate, string? Email)
{
    /// <summary>True when the account is active (not disabled).</summary>
    public bool IsActive => Status.Equals("Active", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the account is disabled.</summary>
    public bool IsDisabled => Status.Equals("Disabled", StringComparison.OrdinalIgnoreCase);
}
