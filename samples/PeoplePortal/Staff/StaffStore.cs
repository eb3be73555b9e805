using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Samples.PeoplePortal.Data;

namespace Samples.PeoplePortal.Staff;

/// <summary>
/// Creates, finds and disables staff accounts. Creating runs in one immediate (write-locked) transaction,
/// so the same employee number keyed twice at once is refused once, never stored twice.
/// </summary>
public sealed partial class StaffStore(PortalDatabase database, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PortalOptions> options)
{
    // One writer at a time in this process: SQLite would serialise the immediate transactions anyway, but by
    // making the losers sleep and retry on SQLITE_BUSY; a lock queues them without the sleeps.
    private readonly Lock writeGate = new();

    /// <summary>Validates and creates the account; returns it, or the messages that refused it.</summary>
    public (StaffRow? Created, IReadOnlyList<PortalMessage> Messages) Create(NewUserInput input, string user)
    {
        var messages = new List<PortalMessage>();
        var number = input.EmployeeNumber.Trim();
        if (!EmployeeNumberPattern().IsMatch(number))
        {
            messages.Add(new("P01", "P01 Emp No mandatory (letters, digits and - only, max 20)"));
        }

        var first = input.FirstName.Trim();
        var last = input.LastName.Trim();
        if (first.Length == 0 || first.Length > 50)
        {
            messages.Add(new("P03", "P03 Forename mandatory"));
        }

        if (last.Length == 0 || last.Length > 50)
        {
            messages.Add(new("P04", "P04 Surname mandatory"));
        }

        if (input.JobTitle.Trim().Length == 0)
        {
            messages.Add(new("P10", "P10 Job Ttl mandatory"));
        }

        if (!PortalSeed.Departments.Contains(input.Department))
        {
            messages.Add(new("P05", "P05 Dept not valid - pick from list"));
        }

        if (!TryDate(input.StartDate, out var start))
        {
            messages.Add(new("P07", "P07 Start Dt invalid - use DD/MM/YYYY"));
        }

        if (!PortalSeed.Licences.Contains(input.Licence))
        {
            messages.Add(new("P08", "P08 Lic not valid - pick from list"));
        }

        foreach (var g in input.Groups.Where(g => !PortalSeed.Groups.Contains(g)))
        {
            messages.Add(new("P09", $"P09 Grp {g} unknown"));
        }

        lock (writeGate)
        {
            return Insert(input, user, messages, number, first, last, start);
        }
    }

    private (StaffRow? Created, IReadOnlyList<PortalMessage> Messages) Insert(NewUserInput input, string user, List<PortalMessage> messages, string number, string first, string last, DateOnly start)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction(deferred: false);
        var manager = input.Manager.Trim();
        if (manager.Length > 0 && c.ExecuteScalar<long>("SELECT COUNT(*) FROM staff WHERE employee_number = @manager AND status = 'Active'", new { manager }, tx) == 0)
        {
            messages.Add(new("P06", $"P06 Line Mgr {manager} not found or not active"));
        }

        if (number.Length > 0)
        {
            var existing = c.QueryFirstOrDefault<StaffRow>("SELECT * FROM staff WHERE employee_number = @number", new { number }, tx);
            if (existing is not null)
            {
                messages.Add(new("P02", $"P02 Emp No {existing.EmployeeNumber} already on file (user {existing.UserName}) - duplicate not created"));
            }
        }

        if (messages.Count > 0)
        {
            return (null, messages);
        }

        var userName = FreeUserName(c, tx, first, last);
        var row = new StaffRow
        {
            EmployeeNumber = number,
            UserName = userName,
            FirstName = first,
            LastName = last,
            JobTitle = input.JobTitle.Trim(),
            Department = input.Department,
            ManagerNumber = manager.Length > 0 ? manager : null,
            StartDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Licence = input.Licence,
            Groups = string.Join(';', PortalSeed.Groups.Where(input.Groups.Contains)),
            Status = "Active",
            Email = options.Value.EmailOf(userName),
            CreatedBy = user,
            CreatedAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        c.Execute(
            """
            INSERT INTO staff (employee_number, user_name, first_name, last_name, job_title, department, manager_number, start_date, licence, groups, status, email, created_by, created_at)
            VALUES (@EmployeeNumber, @UserName, @FirstName, @LastName, @JobTitle, @Department, @ManagerNumber, @StartDate, @Licence, @Groups, @Status, @Email, @CreatedBy, @CreatedAt)
            """,
            row,
            tx);
        tx.Commit();
        return (row, messages);
    }

    /// <summary>Disables the account from <paramref name="leaveDate"/>; returns the messages that refused it (empty when done).</summary>
    public IReadOnlyList<PortalMessage> Disable(string employeeNumber, string leaveDate, string user)
    {
        lock (writeGate)
        {
            return DisableLocked(employeeNumber, leaveDate, user);
        }
    }

    private IReadOnlyList<PortalMessage> DisableLocked(string employeeNumber, string leaveDate, string user)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction(deferred: false);
        var row = c.QueryFirstOrDefault<StaffRow>("SELECT * FROM staff WHERE employee_number = @n", new { n = employeeNumber.Trim() }, tx);
        if (row is null)
        {
            return [new("P20", $"P20 Emp No {employeeNumber.Trim()} not found")];
        }

        if (row.Status == "Disabled")
        {
            return [new("P21", $"P21 Account {row.UserName} already disabled (leave date {row.LeaveDate})")];
        }

        if (!TryDate(leaveDate, out var leave))
        {
            return [new("P22", "P22 Leave Dt invalid - use DD/MM/YYYY")];
        }

        if (leave < DateOnly.ParseExact(row.StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            return [new("P23", $"P23 Leave Dt before Start Dt {row.StartDate}")];
        }

        c.Execute(
            "UPDATE staff SET status = 'Disabled', leave_date = @leave, disabled_by = @user, disabled_at = @at WHERE employee_number = @n",
            new { leave = leave.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), user, at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), n = row.EmployeeNumber },
            tx);
        tx.Commit();
        return [];
    }

    /// <summary>The account with this employee number, or null.</summary>
    public StaffRow? Find(string employeeNumber)
    {
        using var c = database.Open();
        return c.QueryFirstOrDefault<StaffRow>("SELECT * FROM staff WHERE employee_number = @n", new { n = employeeNumber.Trim() });
    }

    /// <summary>Accounts whose employee number equals, or whose name contains, <paramref name="text"/> (at most 100).</summary>
    public IReadOnlyList<StaffRow> Search(string text)
    {
        using var c = database.Open();
        return c.Query<StaffRow>(
            "SELECT * FROM staff WHERE employee_number = @t OR (first_name || ' ' || last_name) LIKE '%' || @t || '%' OR user_name = @t ORDER BY last_name, first_name LIMIT 100",
            new { t = text.Trim() }).ToList();
    }

    /// <summary>Every account (for the testing API).</summary>
    public IReadOnlyList<StaffRow> All()
    {
        using var c = database.Open();
        return c.Query<StaffRow>("SELECT * FROM staff ORDER BY created_at, employee_number").ToList();
    }

    /// <summary>Parses DD/MM/YYYY or YYYY-MM-DD.</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string FreeUserName(Microsoft.Data.Sqlite.SqliteConnection c, Microsoft.Data.Sqlite.SqliteTransaction tx, string first, string last)
    {
        var stem = NonLetters().Replace((first[..1] + last).ToLowerInvariant(), "");
        if (stem.Length == 0)
        {
            stem = "user";
        }

        var name = stem;
        for (var i = 2; c.ExecuteScalar<long>("SELECT COUNT(*) FROM staff WHERE user_name = @name", new { name }, tx) > 0; i++)
        {
            name = stem + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex EmployeeNumberPattern();

    [GeneratedRegex("[^a-z0-9]")]
    private static partial Regex NonLetters();
}
