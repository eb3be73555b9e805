namespace Samples.PeoplePortal.Data;

/// <summary>A staff account row.</summary>
public sealed class StaffRow
{
    /// <summary>Employee number (unique, the HR key).</summary>
    public string EmployeeNumber { get; set; } = "";
    /// <summary>Generated sign-on name (unique).</summary>
    public string UserName { get; set; } = "";
    /// <summary>First name.</summary>
    public string FirstName { get; set; } = "";
    /// <summary>Last name.</summary>
    public string LastName { get; set; } = "";
    /// <summary>Job title.</summary>
    public string JobTitle { get; set; } = "";
    /// <summary>Department.</summary>
    public string Department { get; set; } = "";
    /// <summary>The line manager's employee number, if any.</summary>
    public string? ManagerNumber { get; set; }
    /// <summary>Start date (yyyy-MM-dd).</summary>
    public string StartDate { get; set; } = "";
    /// <summary>Licence.</summary>
    public string Licence { get; set; } = "";
    /// <summary>Groups, separated by semicolons.</summary>
    public string Groups { get; set; } = "";
    /// <summary>Active or Disabled.</summary>
    public string Status { get; set; } = "";
    /// <summary>Leave date (yyyy-MM-dd) once disabled.</summary>
    public string? LeaveDate { get; set; }
    /// <summary>The person's email address; null when the portal holds none.</summary>
    public string? Email { get; set; }
    /// <summary>Who created it.</summary>
    public string CreatedBy { get; set; } = "";
    /// <summary>When (UTC, ISO 8601).</summary>
    public string CreatedAt { get; set; } = "";
    /// <summary>Who disabled it.</summary>
    public string? DisabledBy { get; set; }
    /// <summary>When (UTC, ISO 8601).</summary>
    public string? DisabledAt { get; set; }
}
