using Automation.Engine.Model;
using Automation.Engine.Persistence;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task Keyset_pages_cover_every_instance_once_newest_first()
    {
        var definition = NewId("paged");
        var expected = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            // Pairs share a creation time, so the id must break ties.
            var instance = Instance($"{definition}-{i:D3}", definition, T0.AddSeconds(i / 2));
            await Instances.CommitAsync(Create(instance));
            expected.Add(instance.Id);
        }

        expected = [.. expected.OrderByDescending(id => int.Parse(id[^3..])).ThenByDescending(id => id, StringComparer.Ordinal)];
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Instances.ListAsync(new InstanceQuery { DefinitionId = definition, PageSize = 25, Cursor = cursor });
            Assert.That(page.Items, Has.Count.LessThanOrEqualTo(25));
            seen.AddRange(page.Items.Select(s => s.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.That(pages, Is.EqualTo(5));
        Assert.That(seen, Is.EqualTo(expected));
    }

    [Test]
    public async Task Instance_lists_filter_by_status_definition_correlation_and_creation_time()
    {
        var definition = NewId("filtered");
        var running = Instance(NewId("i"), definition, T0.AddMinutes(1));
        var finished = Instance(NewId("i"), definition, T0.AddMinutes(2), WorkflowStatus.Finished);
        var correlated = Instance(NewId("i"), definition, T0.AddMinutes(3));
        correlated.CorrelationId = NewId("case");
        var otherDefinition = Instance(NewId("i"), NewId("other"), T0.AddMinutes(2));
        foreach (var instance in new[] { running, finished, correlated, otherDefinition })
        {
            await Instances.CommitAsync(Create(instance));
        }

        async Task<string[]> Ids(InstanceQuery query) => [.. (await Instances.ListAsync(query)).Items.Select(s => s.Id)];

        Assert.That(await Ids(new InstanceQuery { DefinitionId = definition }), Is.EqualTo(new[] { correlated.Id, finished.Id, running.Id }));
        Assert.That(await Ids(new InstanceQuery { DefinitionId = definition, Status = WorkflowStatus.Finished }), Is.EqualTo(new[] { finished.Id }));
        Assert.That(await Ids(new InstanceQuery { CorrelationId = correlated.CorrelationId }), Is.EqualTo(new[] { correlated.Id }));
        Assert.That(await Ids(new InstanceQuery { DefinitionId = definition, From = T0.AddMinutes(2), To = T0.AddMinutes(3) }), Is.EqualTo(new[] { finished.Id }));
        Assert.That(await Ids(new InstanceQuery { Status = WorkflowStatus.Finished, From = T0.AddMinutes(2), To = T0.AddMinutes(2).AddMilliseconds(1) }), Does.Contain(finished.Id).And.Not.Contain(otherDefinition.Id));

        var summary = (await Instances.ListAsync(new InstanceQuery { DefinitionId = definition, Status = WorkflowStatus.Finished })).Items.Single();
        Assert.That(summary.DefinitionVersion, Is.EqualTo(3));
        Assert.That(summary.CreatedAt, Is.EqualTo(T0.AddMinutes(2)));
        Assert.That(summary.CorrelationId, Is.EqualTo(finished.CorrelationId));
    }

    [Test]
    public void A_cursor_that_was_not_made_by_the_store_is_rejected()
    {
        Assert.ThrowsAsync<ArgumentException>(() => Instances.ListAsync(new InstanceQuery { Cursor = "not a cursor!" }));
        Assert.ThrowsAsync<ArgumentException>(() => Tasks.ListAsync(new TaskQuery { Cursor = "bm90LWEtY3Vyc29y" }));
    }
}
