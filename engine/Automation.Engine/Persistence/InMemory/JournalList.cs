using Automation.Engine.Model;

namespace Automation.Engine.Persistence.InMemory;

/// <summary>One instance's journal kept as a list sorted by sequence.</summary>
internal static class JournalList
{
    /// <summary>Appends entries in sequence order; an entry whose sequence is already stored is ignored (as SQL's ON CONFLICT DO NOTHING).</summary>
    public static void Append(List<JournalEntry> entries, IReadOnlyList<JournalEntry> journal)
    {
        foreach (var e in journal)
        {
            if (entries.Count == 0 || e.Sequence > entries[^1].Sequence)
            {
                entries.Add(e);
                continue;
            }

            var i = FirstAfter(entries, e.Sequence - 1);
            if (i == entries.Count || entries[i].Sequence != e.Sequence)
            {
                entries.Insert(i, e);
            }
        }
    }

    /// <summary>Index of the first entry whose sequence is greater than <paramref name="sequence"/>.</summary>
    public static int FirstAfter(List<JournalEntry> entries, long sequence)
    {
        int lo = 0, hi = entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (entries[mid].Sequence <= sequence)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
