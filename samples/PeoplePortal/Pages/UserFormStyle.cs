namespace Samples.PeoplePortal.Pages;

/// <summary>
/// Field names and labels of the new-user form. Classic is the 2004 screen (terse labels in a table); the
/// restyle (setting <c>People:Restyle</c>) renames, relabels and regroups every field.
/// </summary>
public sealed record UserFormStyle(
    string EmployeeNumber, string EmployeeNumberLabel,
    string FirstName, string FirstNameLabel,
    string LastName, string LastNameLabel,
    string JobTitle, string JobTitleLabel,
    string Department, string DepartmentLabel,
    string Manager, string ManagerLabel,
    string StartDate, string StartDateLabel,
    string Licence, string LicenceLabel,
    string Groups, string GroupsLabel,
    string SubmitText)
{
    /// <summary>The 2004 screen.</summary>
    public static UserFormStyle Classic { get; } = new(
        "EmpNo", "Emp No", "FName", "Forename", "SName", "Surname", "JobTtl", "Job Ttl", "Dept", "Dept",
        "LineMgr", "Line Mgr (Emp No)", "StartDt", "Start Dt (DD/MM/YYYY)", "Lic", "Lic Type", "Grp", "Grps", "Create");

    /// <summary>The restyled release.</summary>
    public static UserFormStyle Restyled { get; } = new(
        "employee_id", "Employee number", "given_name", "First name", "family_name", "Last name", "role_title", "Job title",
        "org_unit", "Department", "reports_to", "Manager's employee number", "first_day", "Start date",
        "licence_sku", "Microsoft 365 licence", "access_group", "Access groups", "Create account");
}
