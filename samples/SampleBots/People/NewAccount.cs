namespace Samples.Bots.People;

/// <summary>What the bot keys into the portal's new-user form for a starter.</summary>
/// <param name="EmployeeNumber">Employee number.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="JobTitle">Job title.</param>
/// <param name="Department">Department (one of the portal's).</param>
/// <param name="ManagerNumber">The line manager's employee number, or null.</param>
/// <param name="StartDate">Start date.</param>
/// <param name="Licence">Licence (one of the portal's).</param>
/// <param name="Groups">Access groups (the portal's).</param>
public sealed record NewAccount(
    string EmployeeNumber, string FirstName, string LastName, string JobTitle, string Department, string? ManagerNumber, DateOnly StartDate,
    string Licence, IReadOnlyList<string> Groups);

/// <summary>What the portal answered to a new-user form: the sign-in name it created, or its messages (e.g. <c>P06 Line Mgr 42 not found</c>).</summary>
/// <param name="UserName">The created account's sign-in name; null when refused.</param>
/// <param name="Messages">The refusal messages, each starting with its code.</param>
public sealed record CreateAnswer(string? UserName, IReadOnlyList<string> Messages);
