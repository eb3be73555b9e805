using Automation.Engine.Persistence;
using Automation.Engine.Triggers;
using Automation.Storage.Sql.Rows;
using Dapper;

namespace Automation.Storage.Sql;

/// <summary>Trigger registrations, their events and the quarantine in a SQL database.</summary>
internal sealed class SqlTriggerStore(SqlDatabase database) : ITriggerStore
{
    /// <inheritdoc />
    public Task ReplaceAsync(string definitionId, IReadOnlyList<TriggerRegistration> registrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        return database.WriteAsync(async (connection, transaction) =>
        {
            foreach (var r in registrations.Where(r => r.Key is not null))
            {
                var holder = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
                    "SELECT definition_id FROM triggers WHERE type = @Type AND trigger_key = @Key AND definition_id <> @DefinitionId",
                    new { r.Type, r.Key, DefinitionId = definitionId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                if (holder is not null) throw new TriggerKeyConflictException(r.Type, r.Key!, holder);
            }
            var keep = registrations.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var existing = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT id FROM triggers WHERE definition_id = @DefinitionId", new { DefinitionId = definitionId }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var gone in existing.Where(id => !keep.Contains(id)))
            {
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM triggers WHERE id = @Id", new { Id = gone }, transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            foreach (var r in registrations)
            {
                // A republish keeps the operator's pause.
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO triggers (id, definition_id, version, activity_id, type, trigger_key, settings, paused, updated_at)
                    VALUES (@Id, @DefinitionId, @Version, @ActivityId, @Type, @Key, @Settings, @Paused, @UpdatedAt)
                    ON CONFLICT (id) DO UPDATE SET version = excluded.version, type = excluded.type, trigger_key = excluded.trigger_key,
                        settings = excluded.settings, updated_at = excluded.updated_at
                    """,
                    new
                    {
                        r.Id, r.DefinitionId, r.Version, r.ActivityId, r.Type, r.Key, Settings = r.Settings.ToJsonString(),
                        Paused = r.Paused ? 1 : 0, UpdatedAt = StoreTime.ToUnixMs(r.UpdatedAt),
                    }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TriggerRegistration>> ListAsync(string? type = null, CancellationToken cancellationToken = default)
    {
        var rows = type is null
            ? await database.QueryAsync<TriggerRow>($"SELECT {TriggerRow.Columns} FROM triggers ORDER BY id", null, cancellationToken).ConfigureAwait(false)
            : await database.QueryAsync<TriggerRow>($"SELECT {TriggerRow.Columns} FROM triggers WHERE type = @Type ORDER BY id", new { Type = type }, cancellationToken)
                .ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <inheritdoc />
    public async Task<TriggerRegistration?> GetAsync(string triggerId, CancellationToken cancellationToken = default) =>
        (await database.QueryFirstAsync<TriggerRow>($"SELECT {TriggerRow.Columns} FROM triggers WHERE id = @Id", new { Id = triggerId }, cancellationToken)
            .ConfigureAwait(false))?.ToModel();

    /// <inheritdoc />
    public async Task<TriggerRegistration?> FindByKeyAsync(string type, string key, CancellationToken cancellationToken = default) =>
        (await database.QueryFirstAsync<TriggerRow>($"SELECT {TriggerRow.Columns} FROM triggers WHERE type = @Type AND trigger_key = @Key",
            new { Type = type, Key = key }, cancellationToken).ConfigureAwait(false))?.ToModel();

    /// <inheritdoc />
    public async Task<bool> SetPausedAsync(string triggerId, bool paused, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync("UPDATE triggers SET paused = @Paused WHERE id = @Id", new { Id = triggerId, Paused = paused ? 1 : 0 }, cancellationToken)
            .ConfigureAwait(false) > 0;

    /// <inheritdoc />
    public Task AddEventAsync(TriggerEvent triggerEvent, int keep = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(triggerEvent);
        return database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO trigger_events (id, trigger_id, at, kind, message, instance_id) VALUES (@Id, @TriggerId, @At, @Kind, @Message, @InstanceId)",
                new
                {
                    triggerEvent.Id, triggerEvent.TriggerId, At = StoreTime.ToUnixMs(triggerEvent.At), triggerEvent.Kind, triggerEvent.Message,
                    triggerEvent.InstanceId,
                }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM trigger_events WHERE trigger_id = @TriggerId AND id NOT IN
                    (SELECT id FROM trigger_events WHERE trigger_id = @TriggerId ORDER BY at DESC, id DESC LIMIT @Keep)
                """,
                new { triggerEvent.TriggerId, Keep = keep }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TriggerEvent>> ListEventsAsync(string triggerId, int limit, CancellationToken cancellationToken = default)
    {
        var rows = await database.QueryAsync<TriggerEventRow>(
            $"SELECT {TriggerEventRow.Columns} FROM trigger_events WHERE trigger_id = @TriggerId ORDER BY at DESC, id DESC LIMIT @Limit",
            new { TriggerId = triggerId, Limit = limit }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <inheritdoc />
    public Task AddQuarantinedAsync(QuarantinedItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return database.ExecuteAsync(
            """
            INSERT INTO quarantine (id, trigger_id, source, reference, summary, reason, document_id, quarantined_at, status, resolved_at, resolved_by)
            VALUES (@Id, @TriggerId, @Source, @Reference, @Summary, @Reason, @DocumentId, @QuarantinedAt, @Status, @ResolvedAt, @ResolvedBy)
            """,
            new
            {
                item.Id, item.TriggerId, item.Source, item.Reference, item.Summary, item.Reason, item.DocumentId,
                QuarantinedAt = StoreTime.ToUnixMs(item.QuarantinedAt), item.Status, ResolvedAt = StoreTime.ToUnixMs(item.ResolvedAt), item.ResolvedBy,
            }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuarantinedItem>> ListQuarantinedAsync(string? status, int limit, CancellationToken cancellationToken = default)
    {
        var rows = status is null
            ? await database.QueryAsync<QuarantineRow>($"SELECT {QuarantineRow.Columns} FROM quarantine ORDER BY quarantined_at DESC, id DESC LIMIT @Limit",
                new { Limit = limit }, cancellationToken).ConfigureAwait(false)
            : await database.QueryAsync<QuarantineRow>(
                $"SELECT {QuarantineRow.Columns} FROM quarantine WHERE status = @Status ORDER BY quarantined_at DESC, id DESC LIMIT @Limit",
                new { Status = status, Limit = limit }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <inheritdoc />
    public async Task<QuarantinedItem?> GetQuarantinedAsync(string id, CancellationToken cancellationToken = default) =>
        (await database.QueryFirstAsync<QuarantineRow>($"SELECT {QuarantineRow.Columns} FROM quarantine WHERE id = @Id", new { Id = id }, cancellationToken)
            .ConfigureAwait(false))?.ToModel();

    /// <inheritdoc />
    public async Task<bool> ResolveQuarantinedAsync(string id, string status, string? user, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync(
            "UPDATE quarantine SET status = @Status, resolved_at = @At, resolved_by = @User WHERE id = @Id AND status = @Quarantined",
            new { Id = id, Status = status, User = user, At = StoreTime.ToUnixMs(at), Quarantined = QuarantineStatuses.Quarantined }, cancellationToken)
            .ConfigureAwait(false) > 0;
}
