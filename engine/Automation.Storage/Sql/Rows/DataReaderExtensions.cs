using System.Data.Common;

namespace Automation.Storage.Sql.Rows;

/// <summary>Reads of nullable columns by ordinal, for the rows of prepared reads.</summary>
internal static class DataReaderExtensions
{
    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetNullableInt64(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
