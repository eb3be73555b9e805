using Automation.Testing;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

/// <summary>
/// The newest published version a node keeps between starts (StorageOptions.PublishedVersionCacheTtl): its own
/// publishes and deletes show at once; another node's show once the time-to-live has passed. Two store sets on one
/// SQLite file stand for two nodes on one database.
/// </summary>
[TestFixture]
public sealed class PublishedVersionCacheTests
{
    [Test]
    public async Task A_node_sees_its_own_publish_and_delete_at_once()
    {
        using var folder = new TempDirectory("automation-cache");
        await using var node = await StoreSet.OpenAsync(Options(folder, TimeSpan.FromHours(1)));
        var id = NewId("cached");
        await node.Definitions.SaveDraftAsync(Definition(id, "First"), "alice");
        await node.Definitions.PublishAsync(id, null, "alice");
        Assert.That((await node.Definitions.GetPublishedAsync(id))!.Version, Is.EqualTo(1));

        await node.Definitions.SaveDraftAsync(Definition(id, "Second"), "alice");
        await node.Definitions.PublishAsync(id, null, "alice");
        var second = await node.Definitions.GetPublishedAsync(id);
        Assert.That((second!.Version, second.Definition.Name), Is.EqualTo((2, "Second")));

        await node.Definitions.DeleteAsync(id);
        Assert.That(await node.Definitions.GetPublishedAsync(id), Is.Null);
    }

    [Test]
    public async Task Another_nodes_publish_is_seen_after_the_time_to_live_and_at_once_without_a_cache()
    {
        using var folder = new TempDirectory("automation-cache");
        await using var publisher = await StoreSet.OpenAsync(Options(folder, TimeSpan.FromHours(1)));
        await using var caching = await StoreSet.OpenAsync(Options(folder, TimeSpan.FromHours(1)));
        await using var uncached = await StoreSet.OpenAsync(Options(folder, TimeSpan.Zero));
        var id = NewId("cached");
        await publisher.Definitions.SaveDraftAsync(Definition(id), "alice");
        await publisher.Definitions.PublishAsync(id, null, "alice");
        Assert.That((await caching.Definitions.GetPublishedAsync(id))!.Version, Is.EqualTo(1));

        await publisher.Definitions.SaveDraftAsync(Definition(id), "alice");
        await publisher.Definitions.PublishAsync(id, null, "alice");

        Assert.That((await caching.Definitions.GetPublishedAsync(id))!.Version, Is.EqualTo(1), "within the hour it keeps what it read");
        Assert.That((await uncached.Definitions.GetPublishedAsync(id))!.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task A_cached_version_handed_out_and_changed_does_not_change_the_next_one()
    {
        using var folder = new TempDirectory("automation-cache");
        await using var node = await StoreSet.OpenAsync(Options(folder, TimeSpan.FromHours(1)));
        var id = NewId("cached");
        await node.Definitions.SaveDraftAsync(Definition(id, "Original"), "alice");
        await node.Definitions.PublishAsync(id, null, "alice");

        var first = await node.Definitions.GetPublishedAsync(id);
        first!.Definition.Name = "Changed by a caller";
        first.Definition.Activities.Clear();

        var second = await node.Definitions.GetPublishedAsync(id);
        Assert.That(second!.Definition.Name, Is.EqualTo("Original"));
        Assert.That(second.Definition.Activities, Is.Not.Empty);
    }

    private static StorageOptions Options(TempDirectory folder, TimeSpan ttl) =>
        new() { Store = "sqlite", DataDirectory = folder.Combine("data"), PublishedVersionCacheTtl = ttl };
}
