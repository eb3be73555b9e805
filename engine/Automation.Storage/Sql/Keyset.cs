using System.Text;
using Automation.Engine.Persistence;
using Dapper;

namespace Automation.Storage.Sql;

/// <summary>Newest-first keyset paging on (created_at, id): deep pages cost what the first one does.</summary>
internal static class Keyset
{
    /// <summary>Appends the cursor condition, the order and a limit one past the page (to learn whether more follow).</summary>
    /// <remarks>
    /// The condition is a row-value comparison, which both SQLite and PostgreSQL turn into the start of an index range
    /// scan on (…, created_at, id).
    /// </remarks>
    public static void AppendNewestFirst(StringBuilder sql, DynamicParameters parameters, KeysetCursor? cursor, int size)
    {
        if (cursor is { } c)
        {
            sql.Append(" AND (created_at, id) < (@CursorAt, @CursorId)");
            parameters.Add("CursorAt", c.CreatedAtMs);
            parameters.Add("CursorId", c.Id);
        }

        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT @Limit");
        parameters.Add("Limit", (long)size + 1);
    }

    /// <summary>The page of <paramref name="items"/> (at most <paramref name="size"/> + 1 fetched) and the next cursor.</summary>
    public static Page<T> ToPage<T>(List<T> items, int size, Func<T, (long CreatedAtMs, string Id)> key)
    {
        if (items.Count <= size)
        {
            return new Page<T>(items, null);
        }

        items.RemoveRange(size, items.Count - size);
        var (at, id) = key(items[^1]);
        return new Page<T>(items, new KeysetCursor(at, id).Encode());
    }
}
