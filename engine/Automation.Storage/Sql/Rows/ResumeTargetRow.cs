using System.Data.Common;
using Automation.Engine.Persistence;

namespace Automation.Storage.Sql.Rows;

/// <summary>A row of <see cref="SqlInstanceStore.GetResumeTarget"/>: a bookmark, its instance and its instance's version.</summary>
internal sealed record ResumeTargetRow(BookmarkRow Bookmark, InstanceRow Instance, VersionRow? Version)
{
    private const int InstanceAt = BookmarkRow.ColumnCount;
    private const int VersionAt = InstanceAt + InstanceRow.ColumnCount;

    /// <summary>The columns, qualified for the join (bookmark <c>b</c>, instance <c>i</c>, version <c>v</c>), in reading order.</summary>
    public static readonly string Columns =
        $"{SqlColumns.Qualify(BookmarkRow.Columns, "b")}, {SqlColumns.Qualify(InstanceRow.AllColumns, "i")}, {VersionRow.Columns}";

    /// <summary>A row selected with <see cref="Columns"/>; the version's columns are null when it no longer exists.</summary>
    public static ResumeTargetRow Read(DbDataReader r) =>
        new(BookmarkRow.Read(r), InstanceRow.Read(r, InstanceAt), r.IsDBNull(VersionAt) ? null : VersionRow.Read(r, VersionAt));

    public ResumeTarget ToModel() => new(Bookmark.ToModel(), Instance.ToInstance(), Version?.ToModel());
}
