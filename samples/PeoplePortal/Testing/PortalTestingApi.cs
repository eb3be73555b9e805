using Samples.PeoplePortal.Staff;

namespace Samples.PeoplePortal.Testing;

/// <summary>
/// The read API tests use to check what was keyed (guarded by the test token, see
/// <see cref="Samples.LegacyKit.TestingAccess"/>): every account with its groups.
/// </summary>
public static class PortalTestingApi
{
    /// <summary>Maps <c>/testing/users</c>.</summary>
    public static void MapPortalTesting(this RouteGroupBuilder testing) =>
        testing.MapGet("/users", (StaffStore store) => store.All().Select(r => new
        {
            r.EmployeeNumber,
            r.UserName,
            r.FirstName,
            r.LastName,
            r.JobTitle,
            r.Department,
            r.ManagerNumber,
            r.StartDate,
            r.Licence,
            Groups = r.Groups.Split(';', StringSplitOptions.RemoveEmptyEntries),
            r.Status,
            r.LeaveDate,
            r.Email,
            r.CreatedBy,
            r.CreatedAt,
            r.DisabledBy,
            r.DisabledAt,
        }).ToList());
}
