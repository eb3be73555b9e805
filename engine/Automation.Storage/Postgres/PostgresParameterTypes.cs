using System.Collections.Concurrent;
using Automation.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Automation.Storage.Postgres;

/// <summary>
/// Binds a template's values with an explicit type at every position, nulls included. Npgsql reuses an
/// (auto-)prepared statement only when the parameter types match the ones it was prepared with, and an untyped null
/// is sent as "unknown": a column that is null in one commit and set in the next (finished_at, output, a journal
/// entry's outcome) made those statements run unprepared, parsed and planned again on every execution.
/// </summary>
internal sealed class PostgresParameterTypes
{
    private readonly ConcurrentDictionary<SqlTemplate, NpgsqlDbType[]> learned = new(ReferenceEqualityComparer.Instance);

    /// <summary>Adds one parameter per value to <paramref name="parameters"/>, in order.</summary>
    public void Bind(SqlTemplate template, object?[] values, NpgsqlParameterCollection parameters)
    {
        // A position's type is learned from its first non-null value (the templates bind one CLR type per position);
        // default (0, not a type) means not known yet, and Npgsql then chooses as it would without us.
        var types = learned.GetOrAdd(template, static t => new NpgsqlDbType[t.ParameterNames.Count]);
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            var type = value is null ? types[i] : TypeOf(value);
            if (value is not null && type != default)
            {
                types[i] = type;
            }

            var parameter = new NpgsqlParameter { Value = value ?? DBNull.Value };
            if (type != default)
            {
                parameter.NpgsqlDbType = type;
            }

            parameters.Add(parameter);
        }
    }

    /// <summary>The type of the CLR types the stores bind; default leaves the choice to Npgsql.</summary>
    private static NpgsqlDbType TypeOf(object value) => value switch
    {
        string => NpgsqlDbType.Text,
        long => NpgsqlDbType.Bigint,
        int => NpgsqlDbType.Integer,
        double => NpgsqlDbType.Double,
        bool => NpgsqlDbType.Boolean,
        long[] => NpgsqlDbType.Array | NpgsqlDbType.Bigint,
        string?[] => NpgsqlDbType.Array | NpgsqlDbType.Text,
        double?[] => NpgsqlDbType.Array | NpgsqlDbType.Double,
        _ => default,
    };
}
