using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task SaveDraft_creates_version_1_as_an_unpublished_draft()
    {
        var id = NewId("def");
        var saved = await Definitions.SaveDraftAsync(Definition(id), "alice");

        Assert.That(saved.DefinitionId, Is.EqualTo(id));
        Assert.That(saved.Version, Is.EqualTo(1));
        Assert.That(saved.IsPublished, Is.False);
        Assert.That(saved.UpdatedBy, Is.EqualTo("alice"));
        Assert.That(Json(saved.Definition), Is.EqualTo(Json(Definition(id))));
        Assert.That(await Definitions.GetPublishedAsync(id), Is.Null);
        Assert.That((await Definitions.GetLatestAsync(id))!.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task Read_flowcharts_are_copies_that_callers_cannot_alias()
    {
        var id = NewId("def");
        await Definitions.SaveDraftAsync(Definition(id), "alice");
        await Definitions.PublishAsync(id, null, "alice");
        var expected = Json((await Definitions.GetPublishedAsync(id))!.Definition);

        var first = (await Definitions.GetPublishedAsync(id))!.Definition;
        first.Name = "changed by a caller";
        first.Activities.Clear();
        first.Connections.Clear();

        Assert.That(Json((await Definitions.GetPublishedAsync(id))!.Definition), Is.EqualTo(expected));
        Assert.That(Json((await Definitions.GetVersionAsync(id, 1))!.Definition), Is.EqualTo(expected));
    }

    [Test]
    public async Task SaveDraft_overwrites_the_draft_until_it_is_published()
    {
        var id = NewId("def");
        var first = await Definitions.SaveDraftAsync(Definition(id, "First"), "alice");
        var second = await Definitions.SaveDraftAsync(Definition(id, "Second"), "bob");

        Assert.That(second.Version, Is.EqualTo(1));
        Assert.That(second.Definition.Name, Is.EqualTo("Second"));
        Assert.That(second.UpdatedBy, Is.EqualTo("bob"));
        Assert.That(second.CreatedAt, Is.EqualTo(first.CreatedAt));
        Assert.That(second.UpdatedAt, Is.GreaterThanOrEqualTo(first.UpdatedAt));
        Assert.That(await Definitions.ListVersionsAsync(id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Publishing_then_saving_opens_draft_N_plus_1_while_N_stays_published()
    {
        var id = NewId("def");
        await Definitions.SaveDraftAsync(Definition(id, "One"), "alice");
        var published = await Definitions.PublishAsync(id, "first release", "carol");
        var draft = await Definitions.SaveDraftAsync(Definition(id, "Two"), "alice");

        Assert.That(published!.Version, Is.EqualTo(1));
        Assert.That(published.IsPublished, Is.True);
        Assert.That(published.Comment, Is.EqualTo("first release"));
        Assert.That(published.PublishedAt, Is.Not.Null);
        Assert.That(draft.Version, Is.EqualTo(2));
        Assert.That(draft.IsPublished, Is.False);

        var current = await Definitions.GetPublishedAsync(id);
        Assert.That(current!.Version, Is.EqualTo(1));
        Assert.That(current.Definition.Name, Is.EqualTo("One"));
        Assert.That((await Definitions.GetLatestAsync(id))!.Version, Is.EqualTo(2));

        await Definitions.PublishAsync(id, null, "carol");
        Assert.That((await Definitions.GetPublishedAsync(id))!.Definition.Name, Is.EqualTo("Two"));
        Assert.That((await Definitions.GetVersionAsync(id, 1))!.IsPublished, Is.True);
        Assert.That((await Definitions.SaveDraftAsync(Definition(id, "Three"), null)).Version, Is.EqualTo(3));
    }

    [Test]
    public async Task Publishing_a_published_version_returns_it_unchanged()
    {
        var id = NewId("def");
        await Definitions.SaveDraftAsync(Definition(id), "alice");
        var first = await Definitions.PublishAsync(id, "v1", "carol");
        var again = await Definitions.PublishAsync(id, "ignored", "dave");

        Assert.That(again!.Version, Is.EqualTo(1));
        Assert.That(again.Comment, Is.EqualTo("v1"));
        Assert.That(again.PublishedAt, Is.EqualTo(first!.PublishedAt));
        Assert.That(again.PublishedBy, Is.EqualTo("carol"), "a second publish of the same version is not a new publisher");
        Assert.That(await Definitions.ListVersionsAsync(id), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Publishing_records_the_publishing_user_and_later_saves_by_others_do_not_change_it()
    {
        var id = NewId("def");
        await Definitions.SaveDraftAsync(Definition(id, "One"), "alice");
        Assert.That((await Definitions.GetLatestAsync(id))!.PublishedBy, Is.Null, "a draft has no publisher");

        var published = await Definitions.PublishAsync(id, "first release", "carol");
        Assert.That(published!.PublishedBy, Is.EqualTo("carol"));
        Assert.That(published.UpdatedBy, Is.EqualTo("alice"), "publishing does not make the publisher the last saver");

        var draft = await Definitions.SaveDraftAsync(Definition(id, "Two"), "bob");
        Assert.That(draft.PublishedBy, Is.Null);

        var v1 = await Definitions.GetVersionAsync(id, 1);
        Assert.That(v1!.PublishedBy, Is.EqualTo("carol"));
        Assert.That(v1.UpdatedBy, Is.EqualTo("alice"));
        Assert.That((await Definitions.GetPublishedAsync(id))!.PublishedBy, Is.EqualTo("carol"));

        await Definitions.PublishAsync(id, null, "dave");
        var versions = await Definitions.ListVersionsAsync(id);
        Assert.That(versions.Select(v => (v.Version, v.UpdatedBy, v.PublishedBy)),
            Is.EqualTo(new[] { (2, (string?)"bob", (string?)"dave"), (1, "alice", "carol") }));
        Assert.That((await Definitions.GetPublishedAsync(id))!.PublishedBy, Is.EqualTo("dave"));
    }

    [Test]
    public async Task Unknown_definitions_and_versions_are_null()
    {
        Assert.That(await Definitions.PublishAsync("nope-" + Guid.NewGuid(), null, null), Is.Null);
        Assert.That(await Definitions.GetLatestAsync("nope"), Is.Null);
        Assert.That(await Definitions.GetPublishedAsync("nope"), Is.Null);
        var id = NewId("def");
        await Definitions.SaveDraftAsync(Definition(id), null);
        Assert.That(await Definitions.GetVersionAsync(id, 2), Is.Null);
        Assert.That(await Definitions.GetVersionAsync(id, 0), Is.Null);
        Assert.That(await Definitions.ListVersionsAsync("nope"), Is.Empty);
    }

    [Test]
    public async Task ListVersions_returns_every_version_newest_first()
    {
        var id = NewId("def");
        for (var i = 1; i <= 4; i++)
        {
            await Definitions.SaveDraftAsync(Definition(id, $"Name {i}"), "alice");
            await Definitions.PublishAsync(id, $"release {i}", "carol");
        }

        await Definitions.SaveDraftAsync(Definition(id, "Name 5"), "alice");
        var versions = await Definitions.ListVersionsAsync(id);

        Assert.That(versions.Select(v => v.Version), Is.EqualTo(new[] { 5, 4, 3, 2, 1 }));
        Assert.That(versions.Select(v => v.IsPublished), Is.EqualTo(new[] { false, true, true, true, true }));
        Assert.That(versions[1].Definition.Name, Is.EqualTo("Name 4"));
        Assert.That(versions[3].Comment, Is.EqualTo("release 2"));
    }

    [Test]
    public async Task List_matches_id_or_name_case_insensitively_ordered_by_name()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        await Definitions.SaveDraftAsync(Definition($"b-{token}", "Zebra crossing"), "alice");
        await Definitions.SaveDraftAsync(Definition($"a-other", $"apple {token.ToUpperInvariant()}"), "alice");
        await Definitions.SaveDraftAsync(Definition($"c-{token}", "Mango"), "alice");
        await Definitions.PublishAsync($"c-{token}", null, "carol");

        var found = await Definitions.ListAsync(token);

        Assert.That(found.Select(d => d.Name), Is.EqualTo(new[] { $"apple {token.ToUpperInvariant()}", "Mango", "Zebra crossing" }));
        var mango = found[1];
        Assert.That(mango.Id, Is.EqualTo($"c-{token}"));
        Assert.That(mango.LatestVersion, Is.EqualTo(1));
        Assert.That(mango.PublishedVersion, Is.EqualTo(1));
        Assert.That(mango.UpdatedBy, Is.EqualTo("carol"));
        Assert.That(found[2].PublishedVersion, Is.Null);
        Assert.That(await Definitions.ListAsync("%_" + token), Is.Empty, "LIKE wildcards in the search are literal");
        Assert.That((await Definitions.ListAsync(null)).Count, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public async Task Delete_removes_the_definition_and_all_its_versions()
    {
        var id = NewId("def");
        await Definitions.SaveDraftAsync(Definition(id), "alice");
        await Definitions.PublishAsync(id, null, "alice");
        await Definitions.SaveDraftAsync(Definition(id), "alice");

        Assert.That(await Definitions.DeleteAsync(id), Is.True);
        Assert.That(await Definitions.GetLatestAsync(id), Is.Null);
        Assert.That(await Definitions.GetVersionAsync(id, 1), Is.Null);
        Assert.That(await Definitions.ListVersionsAsync(id), Is.Empty);
        Assert.That(await Definitions.DeleteAsync(id), Is.False);

        var recreated = await Definitions.SaveDraftAsync(Definition(id), "alice");
        Assert.That(recreated.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task IsEmpty_is_true_only_before_the_first_definition()
    {
        await using var fresh = await OpenFreshAsync();
        Assert.That(await fresh.Definitions.IsEmptyAsync(), Is.True);
        await fresh.Definitions.SaveDraftAsync(Definition("first"), null);
        Assert.That(await fresh.Definitions.IsEmptyAsync(), Is.False);
    }

    [Test]
    public async Task Published_lookup_finds_the_right_version_among_many()
    {
        var id = NewId("def");
        for (var i = 1; i <= 60; i++)
        {
            await Definitions.SaveDraftAsync(Definition(id, $"v{i}"), null);
            if (i < 60)
            {
                await Definitions.PublishAsync(id, null, null);
            }
        }

        Assert.That((await Definitions.GetPublishedAsync(id))!.Definition.Name, Is.EqualTo("v59"));
        Assert.That((await Definitions.GetLatestAsync(id))!.Definition.Name, Is.EqualTo("v60"));
        Assert.That((await Definitions.GetVersionAsync(id, 17))!.Definition.Name, Is.EqualTo("v17"));
    }
}
