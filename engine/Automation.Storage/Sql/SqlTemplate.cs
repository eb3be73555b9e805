using System.Text;
using System.Text.RegularExpressions;

namespace Automation.Storage.Sql;

/// <summary>
/// A statement of the write path with named parameters (<c>@name</c>) in a fixed order, so that a database can
/// cache a prepared command for it and bind values by position.
/// </summary>
internal sealed partial class SqlTemplate(string sql, params string[] parameterNames)
{
    private string? positionalSql;

    /// <summary>The SQL with <c>@name</c> parameters (SQLite binds these directly).</summary>
    public string Sql { get; } = sql;

    /// <summary>Parameter names without '@', in the order values are given.</summary>
    public IReadOnlyList<string> ParameterNames { get; } = parameterNames;

    /// <summary>The SQL with <c>$1..$n</c> placeholders (PostgreSQL's native form; no rewriting per execution).</summary>
    public string PositionalSql => positionalSql ??= ToPositional();

    private string ToPositional()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ParameterNames.Count; i++)
        {
            index[ParameterNames[i]] = i + 1;
        }

        return ParameterPattern().Replace(Sql, m => index.TryGetValue(m.Groups[1].Value, out var n)
            ? new StringBuilder("$").Append(n).ToString()
            : throw new InvalidOperationException($"Parameter @{m.Groups[1].Value} is not declared for: {Sql}"));
    }

    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterPattern();
}

/// <summary>A template with its values, in the template's parameter order.</summary>
internal readonly record struct SqlStatement(SqlTemplate Template, object?[] Values);
