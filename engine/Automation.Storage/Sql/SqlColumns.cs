namespace Automation.Storage.Sql;

/// <summary>Column lists of the row classes, adapted for queries that join several tables.</summary>
internal static class SqlColumns
{
    /// <summary>
    /// <paramref name="columns"/> (<c>name AS Alias, …</c>) with every column qualified by <paramref name="table"/>, so
    /// that names two joined tables share (<c>id</c>, <c>created_at</c>) are not ambiguous. Rows are read by position.
    /// </summary>
    /// <exception cref="ArgumentException">A column is already qualified.</exception>
    public static string Qualify(string columns, string table) =>
        string.Join(", ", columns.Split(',').Select(c => c.Trim()).Select(c => c.Contains('.', StringComparison.Ordinal)
            ? throw new ArgumentException($"Column '{c}' is already qualified.", nameof(columns))
            : $"{table}.{c}"));
}
