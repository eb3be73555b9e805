using Automation.Engine.Model;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>Human tasks kept in an <see cref="InMemoryStore"/>; written by instance commits, read and claimed here.</summary>
public sealed class InMemoryTaskStore(InMemoryStore store) : ITaskStore
{
    /// <inheritdoc />
    public Task<HumanTask?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            return Task.FromResult(store.Tasks.TryGetValue(taskId, out var t) ? ModelCopies.Copy(t) : null);
        }
    }

    /// <inheritdoc />
    /// <remarks>With <see cref="TaskQuery.User"/> or <see cref="TaskQuery.Roles"/>: the tasks <see cref="TaskVisibility"/> lets that user see.</remarks>
    /// <exception cref="ArgumentException">The cursor is not one this store made.</exception>
    public Task<Page<HumanTask>> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cursor = KeysetCursor.Decode(query.Cursor);
        var size = KeysetCursor.ClampPageSize(query.PageSize);
        var roles = query.FiltersByVisibility ? new HashSet<string>(query.Roles ?? [], StringComparer.Ordinal) : null;
        List<HumanTask> items;
        lock (store.Gate)
        {
            items = store.Tasks.Values
                .Where(t => (query.Status is null || t.Status == query.Status)
                    && (query.InstanceId is null || t.InstanceId == query.InstanceId)
                    && (roles is null || TaskVisibility.IsVisible(t, query.User, roles))
                    && (cursor is not { } c || c.IsBefore(StoreTime.ToUnixMs(t.CreatedAt), t.Id)))
                .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id, StringComparer.Ordinal)
                .Take(size + 1)
                .Select(ModelCopies.Copy)
                .ToList();
        }

        if (items.Count <= size)
        {
            return Task.FromResult(new Page<HumanTask>(items, null));
        }

        items.RemoveAt(size);
        var last = items[^1];
        return Task.FromResult(new Page<HumanTask>(items, new KeysetCursor(StoreTime.ToUnixMs(last.CreatedAt), last.Id).Encode()));
    }

    /// <inheritdoc />
    /// <remarks>Claiming a task the same user already holds succeeds again.</remarks>
    public Task<bool> TryClaimAsync(string taskId, string user, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            if (!store.Tasks.TryGetValue(taskId, out var t)
                || !(t.Status == HumanTaskStatus.Open || (t.Status == HumanTaskStatus.Claimed && t.ClaimedBy == user)))
            {
                return Task.FromResult(false);
            }

            t.Status = HumanTaskStatus.Claimed;
            t.ClaimedBy = user;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    /// <remarks>Open and claimed tasks can be released; the task becomes Open, unclaimed, assigned to <paramref name="newAssignee"/>.</remarks>
    public Task<bool> ReleaseAsync(string taskId, string? newAssignee, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            if (!store.Tasks.TryGetValue(taskId, out var t) || t.Status is not (HumanTaskStatus.Open or HumanTaskStatus.Claimed))
            {
                return Task.FromResult(false);
            }

            t.Status = HumanTaskStatus.Open;
            t.ClaimedBy = null;
            t.Assignee = newAssignee;
            return Task.FromResult(true);
        }
    }
}
