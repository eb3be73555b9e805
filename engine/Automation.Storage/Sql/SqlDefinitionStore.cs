using System.Data.Common;
using System.Text;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Storage.Sql.Rows;
using Dapper;

namespace Automation.Storage.Sql;

/// <summary>
/// Definitions and their versions in a SQL database. <c>definitions</c> holds the newest and the published version
/// numbers, so the published flowchart is two primary-key lookups however many versions exist, and this node keeps
/// the newest published version of each definition for <see cref="StorageOptions.PublishedVersionCacheTtl"/>.
/// </summary>
internal sealed class SqlDefinitionStore(SqlDatabase database, TimeProvider time, TimeSpan publishedCacheTtl) : IDefinitionStore, ISharedPublishedVersions
{
    private readonly PublishedVersionCache published = new(time, publishedCacheTtl);

    internal static readonly SqlTemplate GetLatest = new(
        $"SELECT {VersionRow.Columns} FROM definitions d JOIN definition_versions v ON v.definition_id = d.id AND v.version = d.latest_version WHERE d.id = @id", "id");

    internal static readonly SqlTemplate GetPublished = new(
        $"SELECT {VersionRow.Columns} FROM definitions d JOIN definition_versions v ON v.definition_id = d.id AND v.version = d.published_version WHERE d.id = @id", "id");

    internal static readonly SqlTemplate GetVersion = new(
        $"SELECT {VersionRow.Columns} FROM definition_versions v WHERE v.definition_id = @id AND v.version = @version", "id", "version");

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The definition has no id.</exception>
    public Task<DefinitionVersion> SaveDraftAsync(WorkflowDefinition definition, string? user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Id, nameof(definition) + ".Id");
        var p = new
        {
            definition.Id,
            definition.Name,
            definition.Description,
            Json = StoredJson.Write(definition),
            Now = StoreTime.ToUnixMs(time.GetUtcNow()),
            User = user,
        };

        return database.WriteAsync(async (connection, transaction) =>
        {
            await Execute(connection, transaction, """
                INSERT INTO definitions (id, name, description, latest_version, published_version, created_at, updated_at, updated_by)
                VALUES (@Id, @Name, @Description, 0, NULL, @Now, @Now, @User) ON CONFLICT (id) DO NOTHING
                """, p, cancellationToken).ConfigureAwait(false);
            var numbers = await LockNumbers(connection, transaction, definition.Id, cancellationToken).ConfigureAwait(false);
            var opensNew = numbers!.LatestVersion == 0 || numbers.PublishedVersion == numbers.LatestVersion;
            var version = opensNew ? numbers.LatestVersion + 1 : numbers.LatestVersion;
            var sql = opensNew
                ? """
                  INSERT INTO definition_versions (definition_id, version, json, is_published, created_at, updated_at, updated_by)
                  VALUES (@Id, @Version, @Json, 0, @Now, @Now, @User)
                  """
                : "UPDATE definition_versions SET json = @Json, updated_at = @Now, updated_by = @User WHERE definition_id = @Id AND version = @Version";
            await Execute(connection, transaction, sql, new { p.Id, p.Json, p.Now, p.User, Version = version }, cancellationToken).ConfigureAwait(false);
            await Execute(connection, transaction, """
                UPDATE definitions SET name = @Name, description = @Description, latest_version = @Version, updated_at = @Now, updated_by = @User
                WHERE id = @Id
                """, new { p.Id, p.Name, p.Description, p.Now, p.User, Version = version }, cancellationToken).ConfigureAwait(false);
            return (await ReadVersion(connection, transaction, definition.Id, version, cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DefinitionVersion?> PublishAsync(string definitionId, string? comment, string? user, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Publish(definitionId, comment, user, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            published.Invalidate(definitionId); // after the write: a read from now on sees the new version
        }
    }

    private Task<DefinitionVersion?> Publish(string definitionId, string? comment, string? user, CancellationToken cancellationToken)
    {
        var now = StoreTime.ToUnixMs(time.GetUtcNow());
        return database.WriteAsync<DefinitionVersion?>(async (connection, transaction) =>
        {
            var numbers = await LockNumbers(connection, transaction, definitionId, cancellationToken).ConfigureAwait(false);
            if (numbers is null)
            {
                return null;
            }

            if (numbers.PublishedVersion != numbers.LatestVersion)
            {
                var p = new { Id = definitionId, Version = numbers.LatestVersion, Now = now, Comment = comment, User = user };
                await Execute(connection, transaction,
                    "UPDATE definition_versions SET is_published = 1, published_at = @Now, published_by = @User, comment = @Comment WHERE definition_id = @Id AND version = @Version",
                    p, cancellationToken).ConfigureAwait(false);
                await Execute(connection, transaction,
                    "UPDATE definitions SET published_version = @Version, updated_at = @Now, updated_by = @User WHERE id = @Id",
                    p, cancellationToken).ConfigureAwait(false);
            }

            return await ReadVersion(connection, transaction, definitionId, numbers.LatestVersion, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DefinitionVersion?> GetLatestAsync(string definitionId, CancellationToken cancellationToken = default) =>
        (await database.QuerySingleAsync(GetLatest, [definitionId], VersionRow.Read, cancellationToken).ConfigureAwait(false))?.ToModel();

    /// <inheritdoc />
    public async Task<DefinitionVersion?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        if (published.TryGet(definitionId) is { } cached)
        {
            return cached;
        }

        var generation = published.Generation;
        var version = (await database.QuerySingleAsync(GetPublished, [definitionId], VersionRow.Read, cancellationToken).ConfigureAwait(false))?.ToModel();
        if (version is not null)
        {
            published.Store(definitionId, version, generation);
        }

        return version;
    }

    /// <inheritdoc />
    async Task<DefinitionVersion?> ISharedPublishedVersions.GetPublishedSharedAsync(string definitionId, CancellationToken cancellationToken) =>
        published.TryGetShared(definitionId) ?? await GetPublishedAsync(definitionId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<DefinitionVersion?> GetVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        (await database.QuerySingleAsync(GetVersion, [definitionId, (long)version], VersionRow.Read, cancellationToken).ConfigureAwait(false))?.ToModel();

    /// <inheritdoc />
    public async Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var rows = await database.QueryAsync<VersionRow>(
            $"SELECT {VersionRow.Columns} FROM definition_versions v WHERE v.definition_id = @Id ORDER BY v.version DESC",
            new { Id = definitionId }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(string? search, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder($"SELECT {DefinitionRow.Columns} FROM definitions");
        string? pattern = null;
        if (!string.IsNullOrEmpty(search))
        {
            sql.Append(@" WHERE lower(id) LIKE @Pattern ESCAPE '\' OR lower(name) LIKE @Pattern ESCAPE '\'");
            pattern = "%" + search.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        }

        sql.Append(" ORDER BY lower(name), id");
        var rows = await database.QueryAsync<DefinitionRow>(sql.ToString(), new { Pattern = pattern }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToSummary()).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await database.ExecuteAsync("DELETE FROM definitions WHERE id = @Id", new { Id = definitionId }, cancellationToken).ConfigureAwait(false) > 0;
        }
        finally
        {
            published.Invalidate(definitionId);
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        await database.QueryFirstAsync<long>(
            "SELECT COUNT(*) FROM (SELECT 1 AS one FROM definitions LIMIT 1) AS any_definition", null, cancellationToken).ConfigureAwait(false) == 0;

    /// <summary>The version numbers of a definition, its row locked until the transaction ends (so saves and publishes queue up).</summary>
    private async Task<DefinitionRow?> LockNumbers(DbConnection connection, DbTransaction transaction, string id, CancellationToken cancellationToken) =>
        await connection.QueryFirstOrDefaultAsync<DefinitionRow>(new CommandDefinition(
            $"SELECT latest_version AS LatestVersion, published_version AS PublishedVersion FROM definitions WHERE id = @Id{database.Dialect.ForUpdate}",
            new { Id = id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

    private static async Task<DefinitionVersion?> ReadVersion(DbConnection connection, DbTransaction transaction, string id, long version, CancellationToken cancellationToken) =>
        (await connection.QueryFirstOrDefaultAsync<VersionRow>(new CommandDefinition(
            $"SELECT {VersionRow.Columns} FROM definition_versions v WHERE v.definition_id = @Id AND v.version = @Version",
            new { Id = id, Version = version }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))?.ToModel();

    private static Task<int> Execute(DbConnection connection, DbTransaction transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
}
