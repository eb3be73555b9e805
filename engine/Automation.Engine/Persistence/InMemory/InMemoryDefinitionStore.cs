using System.Text.Json;
using Automation.Engine.Model;
using Automation.Engine.Serialization;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>Definitions kept in an <see cref="InMemoryStore"/>, with the same versioning rules as the SQL stores.</summary>
public sealed class InMemoryDefinitionStore(InMemoryStore store) : IDefinitionStore, ISharedPublishedVersions
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">The definition has no id.</exception>
    public Task<DefinitionVersion> SaveDraftAsync(WorkflowDefinition definition, string? user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Id, nameof(definition) + ".Id");
        var json = JsonSerializer.SerializeToUtf8Bytes(definition, EngineJson.Options);
        var now = StoreTime.ToUnixMs(store.Time.GetUtcNow());
        VersionRecord saved;
        lock (store.Gate)
        {
            if (!store.Definitions.TryGetValue(definition.Id, out var record))
            {
                store.Definitions[definition.Id] = record = new DefinitionRecord { Id = definition.Id };
            }

            if (record.LatestVersion == 0 || record.PublishedVersion == record.LatestVersion)
            {
                saved = new VersionRecord
                {
                    DefinitionId = record.Id,
                    Version = record.LatestVersion + 1,
                    Json = json,
                    CreatedMs = now,
                    UpdatedMs = now,
                    UpdatedBy = user,
                };
                record.Versions.Add(saved);
            }
            else
            {
                saved = record.Versions[^1] with { Json = json, UpdatedMs = now, UpdatedBy = user };
                record.Versions[^1] = saved;
            }

            record.Name = definition.Name;
            record.Description = definition.Description;
            record.UpdatedMs = now;
            record.UpdatedBy = user;
        }

        return Task.FromResult(saved.ToModel());
    }

    /// <inheritdoc />
    public Task<DefinitionVersion?> PublishAsync(string definitionId, string? comment, string? user, CancellationToken cancellationToken = default)
    {
        var now = StoreTime.ToUnixMs(store.Time.GetUtcNow());
        VersionRecord latest;
        lock (store.Gate)
        {
            if (!store.Definitions.TryGetValue(definitionId, out var record))
            {
                return Task.FromResult<DefinitionVersion?>(null);
            }

            latest = record.Versions[^1];
            if (!latest.IsPublished)
            {
                latest = latest with { IsPublished = true, PublishedMs = now, PublishedBy = user, Comment = comment };
                record.Versions[^1] = latest;
                record.PublishedVersion = latest.Version;
                record.UpdatedMs = now;
                record.UpdatedBy = user;
            }
        }

        return Task.FromResult<DefinitionVersion?>(latest.ToModel());
    }

    /// <inheritdoc />
    public Task<DefinitionVersion?> GetLatestAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(definitionId, r => r.LatestVersion)?.ToModel());

    /// <inheritdoc />
    public Task<DefinitionVersion?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(definitionId, r => r.PublishedVersion ?? 0)?.ToModel());

    /// <inheritdoc />
    Task<DefinitionVersion?> ISharedPublishedVersions.GetPublishedSharedAsync(string definitionId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(definitionId, r => r.PublishedVersion ?? 0)?.ToSharedModel());

    /// <inheritdoc />
    public Task<DefinitionVersion?> GetVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        Task.FromResult(Find(definitionId, _ => version)?.ToModel());

    /// <inheritdoc />
    public Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        VersionRecord[] versions;
        lock (store.Gate)
        {
            versions = store.Definitions.TryGetValue(definitionId, out var record) ? [.. record.Versions] : [];
        }

        IReadOnlyList<DefinitionVersion> result = versions.Reverse().Select(v => v.ToModel()).ToList();
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DefinitionSummary>> ListAsync(string? search, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            IReadOnlyList<DefinitionSummary> result = store.Definitions.Values
                .Where(d => string.IsNullOrEmpty(search)
                    || d.Id.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || d.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
                .OrderBy(d => d.Name.ToLowerInvariant(), StringComparer.Ordinal)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => d.ToSummary())
                .ToList();
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            return Task.FromResult(store.Definitions.Remove(definitionId));
        }
    }

    /// <inheritdoc />
    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        lock (store.Gate)
        {
            return Task.FromResult(store.Definitions.Count == 0);
        }
    }

    private VersionRecord? Find(string definitionId, Func<DefinitionRecord, int> version)
    {
        lock (store.Gate)
        {
            if (!store.Definitions.TryGetValue(definitionId, out var record))
            {
                return null;
            }

            var v = version(record);
            return v >= 1 && v <= record.Versions.Count ? record.Versions[v - 1] : null;
        }
    }
}
