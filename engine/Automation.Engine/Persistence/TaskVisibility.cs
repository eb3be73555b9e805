using Automation.Engine.Model;

namespace Automation.Engine.Persistence;

/// <summary>
/// Which human tasks a user (a name and its roles) may see: the rule behind <see cref="TaskQuery.User"/> and
/// <see cref="TaskQuery.Roles"/>, which every task store applies in its own query language.
/// </summary>
/// <remarks>
/// A user sees a task that is assigned to them, that they claimed or that they completed; and a task in the pool they
/// may draw from: assigned to nobody, for one of their roles or for no role at all (open to anyone), and not claimed by
/// someone else while it is still being worked (once it is completed or cancelled, the claim no longer hides it from
/// the rest of the pool, so a team sees the same finished work whether or not it was claimed first).
/// </remarks>
public static class TaskVisibility
{
    /// <summary>True when <paramref name="task"/> is one that <paramref name="user"/> with <paramref name="roles"/> may see.</summary>
    /// <exception cref="ArgumentNullException">A task or role list was not given.</exception>
    public static bool IsVisible(HumanTask task, string? user, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(roles);
        if (user is not null && (task.Assignee == user || task.ClaimedBy == user || task.CompletedBy == user))
        {
            return true;
        }

        return task.Assignee is null
            && (task.Role is null || roles.Contains(task.Role))
            && (task.ClaimedBy is null || task.Status is HumanTaskStatus.Completed or HumanTaskStatus.Cancelled);
    }
}
