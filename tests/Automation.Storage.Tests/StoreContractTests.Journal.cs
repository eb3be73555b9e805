using Automation.Engine.Persistence;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task Journal_is_appended_by_commits_and_read_in_pages()
    {
        var id = NewId("inst");
        var instance = Instance(id);
        await Instances.CommitAsync(Create(instance, journal: [.. Enumerable.Range(1, 5).Select(s => Entry(id, s))]));
        await Instances.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 1, Journal = [.. Enumerable.Range(6, 7).Select(s => Entry(id, s))] });

        var all = await Instances.GetJournalAsync(id);
        var page = await Instances.GetJournalAsync(id, afterSequence: 4, limit: 3);

        Assert.That(all.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, 12).Select(s => (long)s)));
        Assert.That(page.Select(e => e.Sequence), Is.EqualTo(new long[] { 5, 6, 7 }));
        Assert.That(Json(all[2]), Is.EqualTo(Json(Entry(id, 3))));
        Assert.That(await Instances.GetJournalAsync(id, afterSequence: 12), Is.Empty);
        Assert.That(await Instances.GetJournalAsync(id, limit: 0), Is.Empty);
    }

    [Test]
    public async Task A_journal_entry_already_stored_is_kept_as_it_was()
    {
        var id = NewId("inst");
        var instance = Instance(id);
        await Instances.CommitAsync(Create(instance, journal: [Entry(id, 1, "original")]));
        await Instances.CommitAsync(new InstanceCommit { Instance = instance, ExpectedVersion = 1, Journal = [Entry(id, 1, "replayed"), Entry(id, 2)] });

        var journal = await Instances.GetJournalAsync(id);

        Assert.That(journal.Select(e => e.Message), Is.EqualTo(new[] { "original", "step 2" }));
    }
}
