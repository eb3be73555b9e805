namespace Samples.PeoplePortal.Staff;

/// <summary>The new-user form as posted (raw text, so the form shows back exactly what was keyed).</summary>
public sealed class NewUserInput
{
    /// <summary>Employee number.</summary>
    public string EmployeeNumber { get; set; } = "";
    /// <summary>First name.</summary>
    public string FirstName { get; set; } = "";
    /// <summary>Last name.</summary>
    public string LastName { get; set; } = "";
    /// <summary>Job title.</summary>
    public string JobTitle { get; set; } = "";
    /// <summary>Department.</summary>
    public string Department { get; set; } = "";
    /// <summary>The line manager's employee number (optional).</summary>
    public string Manager { get; set; } = "";
    /// <summary>Start date as typed (DD/MM/YYYY or YYYY-MM-DD).</summary>
    public string StartDate { get; set; } = "";
    /// <summary>Licence.</summary>
    public string Licence { get; set; } = "";
    /// <summary>Ticked groups.</summary>
    public List<string> Groups { get; } = [];
}

/// <summary>A validation message with its legacy code.</summary>
public sealed record PortalMessage(string Code, string Text);
