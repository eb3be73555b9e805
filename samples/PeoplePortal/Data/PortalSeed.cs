using Dapper;
using Microsoft.Data.Sqlite;
using Samples.PeoplePortal.Staff;

namespace Samples.PeoplePortal.Data;

/// <summary>
/// The pick lists and the staff a new portal starts with. Departments include those of the HR corpus
/// (Microsoft Entra inbound-provisioning sample), so its records can be keyed as they are.
/// </summary>
public static class PortalSeed
{
    /// <summary>Departments.</summary>
    public static readonly string[] Departments =
    [
        "Adult Social Care", "Customer Services", "Finance", "Human Resources", "IT Services", "Manufacturing",
        "Planning", "Product Engineering", "Product Marketing", "Revenues and Benefits", "Sales",
    ];

    /// <summary>Licences.</summary>
    public static readonly string[] Licences = ["M365 E3", "M365 E5", "M365 F3", "None"];

    /// <summary>Access groups.</summary>
    public static readonly string[] Groups =
    [
        "All Staff", "Remote Access", "Managers", "Finance Users", "HR Users", "Sales CRM", "Engineering", "Contractors", "Interns",
    ];

    /// <summary>Existing staff (managers) the portal starts with: employee number, first, last, title, department.</summary>
    public static readonly (string Number, string First, string Last, string Title, string Department)[] Staff =
    [
        ("9001", "Margaret", "Okafor", "Director", "Human Resources"),
        ("9002", "David", "Pryce", "Engineering Manager", "Product Engineering"),
        ("9003", "Sunita", "Rao", "Vice President", "Sales"),
        ("9004", "Gareth", "Llewellyn", "Program Manager", "Finance"),
        ("9005", "Fiona", "MacLeod", "Director", "Manufacturing"),
        ("9006", "Tom", "Ashworth", "Project Manager", "Product Marketing"),
    ];

    /// <summary>The seeded employee whose email address was never recorded (so a bot meets a manager it cannot write to).</summary>
    public const string NoEmail = "9006";

    /// <summary>Inserts the seed staff when the table is empty, with addresses at <see cref="PortalOptions.MailDomain"/>.</summary>
    public static void Apply(SqliteConnection c, SqliteTransaction tx, PortalOptions options)
    {
        if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM staff", transaction: tx) > 0)
        {
            return;
        }

        foreach (var s in Staff)
        {
            c.Execute(
                """
                INSERT INTO staff (employee_number, user_name, first_name, last_name, job_title, department, manager_number, start_date, licence, groups, status, email, created_by, created_at)
                VALUES (@Number, @User, @First, @Last, @Title, @Department, NULL, '2015-04-01', 'M365 E5', 'All Staff;Managers;Remote Access', 'Active', @Email, 'seed', '2015-04-01T00:00:00Z')
                """,
                new { s.Number, User = UserName(s.First, s.Last), s.First, s.Last, s.Title, s.Department, Email = s.Number == NoEmail ? null : options.EmailOf(UserName(s.First, s.Last)) },
                tx);
        }
    }

    private static string UserName(string first, string last) => (first[..1] + last).ToLowerInvariant();
}
