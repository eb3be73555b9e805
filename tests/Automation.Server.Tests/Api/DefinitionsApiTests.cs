using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Api;

[TestFixture]
internal sealed class DefinitionsApiTests : ServerTestBase
{
    [Test]
    public async Task Create_returns_201_with_location_and_the_draft()
    {
        var definition = Flows.Greeting();
        var id = definition["id"]!.GetValue<string>();
        var response = await Api.PostAsJsonAsync("/api/workflow-definitions", definition);
        var body = await Http.ReadAsync(response, 201);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/workflow-definitions/{id}"));
        Assert.That(body["draft"]!["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(body["draft"]!["isPublished"]!.GetValue<bool>(), Is.False);
        Assert.That(body["draft"]!["updatedBy"]!.GetValue<string>(), Is.EqualTo("bootstrap-admin"));
        Assert.That(body["valid"]!.GetValue<bool>(), Is.True, body.ToJsonString());

        var fetched = await Http.ReadAsync(await Api.GetAsync(response.Headers.Location), 200);
        Assert.That(fetched["definition"]!["activities"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Create_twice_is_409()
    {
        var definition = Flows.Greeting();
        await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", definition), 201);
        var problem = await Http.ReadProblemAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", definition), 409);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("already exists"));
    }

    [Test]
    public async Task Draft_with_validation_errors_is_saved_and_reported()
    {
        var definition = Flows.Greeting();
        definition["connections"]!.AsArray().Add(Flows.Edge("set", "nowhere"));
        var body = await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", definition), 201);
        Assert.That(body["valid"]!.GetValue<bool>(), Is.False);
        Assert.That(body["errors"]!.AsArray(), Is.Not.Empty);
    }

    [Test]
    public async Task Structurally_broken_definition_is_400_listing_schema_errors_with_paths()
    {
        var json = """
            {
              "id": "broken def",
              "name": "Broken",
              "activities": [
                { "id": "a", "type": "Start", "colour": "red" },
                { "id": "b" }
              ],
              "connections": [ { "from": "a" } ]
            }
            """;
        var problem = await Http.ReadProblemAsync(await Api.PostJsonTextAsync("/api/workflow-definitions", json), 400);
        var errors = problem["errors"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var fields = errors.Select(e => e["field"]?.GetValue<string>()).ToList();
        Assert.That(fields, Is.SupersetOf(new[] { "id", "activities[0].colour", "activities[1].type", "connections[0].to" }), problem.ToJsonString());
        var colour = errors.Single(e => e["field"]?.GetValue<string>() == "activities[0].colour");
        Assert.That(colour["activityId"]!.GetValue<string>(), Is.EqualTo("a"));
        Assert.That(colour["code"]!.GetValue<string>(), Does.StartWith("schema-"));
        Assert.That(colour["message"]!.GetValue<string>(), Does.Contain("line 5"));
    }

    [Test]
    public async Task Get_unknown_is_404()
    {
        await Http.ReadProblemAsync(await Api.GetAsync("/api/workflow-definitions/no-such-flow"), 404);
        await Http.ReadProblemAsync(await Api.GetAsync("/api/workflow-definitions/no-such-flow/versions"), 404);
    }

    [Test]
    public async Task Save_publish_and_version_history()
    {
        var definition = Flows.Greeting();
        var id = definition["id"]!.GetValue<string>();
        await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", definition), 201);

        definition["description"] = "second draft";
        var saved = await Http.ReadAsync(await Api.PutAsJsonAsync($"/api/workflow-definitions/{id}", definition), 200);
        Assert.That(saved["draft"]!["version"]!.GetValue<int>(), Is.EqualTo(1), "an unpublished draft is overwritten");

        var published = await Http.ReadAsync(await Api.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { comment = "first release" }), 200);
        Assert.That(published["isPublished"]!.GetValue<bool>(), Is.True);
        Assert.That(published["comment"]!.GetValue<string>(), Is.EqualTo("first release"));

        definition["description"] = "after publishing";
        saved = await Http.ReadAsync(await Api.PutAsJsonAsync($"/api/workflow-definitions/{id}", definition), 200);
        Assert.That(saved["draft"]!["version"]!.GetValue<int>(), Is.EqualTo(2), "saving after publishing opens a new draft");

        var latest = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-definitions/{id}"), 200);
        Assert.That(latest["version"]!.GetValue<int>(), Is.EqualTo(2));
        var first = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-definitions/{id}?version=1"), 200);
        Assert.That(first["definition"]!["description"]!.GetValue<string>(), Is.EqualTo("second draft"));
        await Http.ReadProblemAsync(await Api.GetAsync($"/api/workflow-definitions/{id}?version=9"), 404);

        var versions = await Http.ReadArrayAsync(await Api.GetAsync($"/api/workflow-definitions/{id}/versions"), 200);
        Assert.That(versions.Select(v => v!["version"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 1 }));
        Assert.That(versions[1]!["isPublished"]!.GetValue<bool>(), Is.True);
        Assert.That(versions[0]!.AsObject().ContainsKey("definition"), Is.False);

        // Publishing without a body is allowed.
        var again = await Http.ReadAsync(await Api.PostAsync($"/api/workflow-definitions/{id}/publish", null), 200);
        Assert.That(again["version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_version_says_who_published_it_apart_from_who_saved_it()
    {
        using var owner = Server.Client(await Server.CreateKeyAsync("Priya (process owner)", "processOwner"));
        using var admin = Server.Client(await Server.CreateKeyAsync("Sam (admin)", "admin"));
        var definition = Flows.Greeting();
        var id = definition["id"]!.GetValue<string>();
        await Http.ReadAsync(await owner.PostAsJsonAsync("/api/workflow-definitions", definition), 201);
        var draft = await Http.ReadAsync(await owner.GetAsync($"/api/workflow-definitions/{id}"), 200);
        Assert.That(draft["publishedBy"], Is.Null, "a draft has no publisher");

        var published = await Http.ReadAsync(await admin.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { comment = "approved" }), 200);
        Assert.That(published["publishedBy"]!.GetValue<string>(), Is.EqualTo("Sam (admin)"));
        Assert.That(published["updatedBy"]!.GetValue<string>(), Is.EqualTo("Priya (process owner)"));

        // The process owner goes on editing: a new draft, and version 1 still says the admin published it.
        await Http.ReadAsync(await owner.PutAsJsonAsync($"/api/workflow-definitions/{id}", definition), 200);
        var versions = await Http.ReadArrayAsync(await owner.GetAsync($"/api/workflow-definitions/{id}/versions"), 200);
        Assert.That(versions.Select(v => v!["version"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 1 }));
        Assert.That(versions[0]!["publishedBy"], Is.Null);
        Assert.That(versions[1]!["publishedBy"]!.GetValue<string>(), Is.EqualTo("Sam (admin)"));
        Assert.That(versions[1]!["updatedBy"]!.GetValue<string>(), Is.EqualTo("Priya (process owner)"));
        var first = await Http.ReadAsync(await owner.GetAsync($"/api/workflow-definitions/{id}?version=1"), 200);
        Assert.That(first["publishedBy"]!.GetValue<string>(), Is.EqualTo("Sam (admin)"));
    }

    [Test]
    public async Task Put_checks_the_id_and_existence()
    {
        var definition = Flows.Greeting();
        var id = definition["id"]!.GetValue<string>();
        await Http.ReadProblemAsync(await Api.PutAsJsonAsync($"/api/workflow-definitions/{id}", definition), 404);
        await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", definition), 201);
        var problem = await Http.ReadProblemAsync(await Api.PutAsJsonAsync("/api/workflow-definitions/other-id", definition), 400);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("does not match"));
    }

    [Test]
    public async Task List_filters_by_search()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var definition = Flows.Greeting($"listme-{marker}");
        await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", definition), 201);
        var found = await Http.ReadArrayAsync(await Api.GetAsync($"/api/workflow-definitions?search={marker.ToUpperInvariant()}"), 200);
        Assert.That(found.Select(d => d!["id"]!.GetValue<string>()), Is.EqualTo(new[] { $"listme-{marker}" }));
        Assert.That(found[0]!["latestVersion"]!.GetValue<int>(), Is.EqualTo(1));
        var all = await Http.ReadArrayAsync(await Api.GetAsync("/api/workflow-definitions"), 200);
        Assert.That(all.Count, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Delete_is_204_then_404()
    {
        var definition = Flows.Greeting();
        var id = definition["id"]!.GetValue<string>();
        await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", definition), 201);
        Assert.That((int)(await Api.DeleteAsync($"/api/workflow-definitions/{id}")).StatusCode, Is.EqualTo(204));
        await Http.ReadProblemAsync(await Api.DeleteAsync($"/api/workflow-definitions/{id}"), 404);
        await Http.ReadProblemAsync(await Api.GetAsync($"/api/workflow-definitions/{id}"), 404);
    }

    [Test]
    public async Task Delete_is_409_while_instances_wait_and_204_once_they_are_cancelled()
    {
        var definition = Flows.Approval();
        var id = definition["id"]!.GetValue<string>();
        await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", definition), 201);
        await Http.ReadAsync(await Api.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { }), 200);
        var started = await Http.ReadAsync(await Api.PostAsJsonAsync($"/api/workflow-definitions/{id}/instances?wait=true", new { input = new { name = "Ann" } }), 200);
        Assert.That(started["status"]!.GetValue<string>(), Is.EqualTo("suspended"));

        var problem = await Http.ReadProblemAsync(await Api.DeleteAsync($"/api/workflow-definitions/{id}"), 409);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("suspended instances"));

        await Http.ReadAsync(await Api.PostAsync($"/api/workflow-instances/{started["id"]}/cancel", null), 200);
        Assert.That((int)(await Api.DeleteAsync($"/api/workflow-definitions/{id}")).StatusCode, Is.EqualTo(204));
    }

    [Test]
    public async Task Publishing_an_invalid_definition_is_400_listing_every_error_with_activity_ids()
    {
        var definition = Flows.Flow(Flows.NewId("invalid"),
            [
                Flows.Node("start", "Start"),
                Flows.Node("mystery", "NoSuchActivity"),
                Flows.Node("set", "SetVariable", new JsonObject { ["value"] = 1 }),
                Flows.Node("end", "End"),
            ],
            [Flows.Edge("start", "mystery"), Flows.Edge("mystery", "set"), Flows.Edge("set", "end"), Flows.Edge("end", "ghost")]);
        var id = definition["id"]!.GetValue<string>();
        await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", definition), 201);

        var problem = await Http.ReadProblemAsync(await Api.PostAsync($"/api/workflow-definitions/{id}/publish", null), 400);
        var errors = problem["errors"]!.AsArray();
        Assert.That(errors.Count, Is.GreaterThanOrEqualTo(3), problem.ToJsonString());
        var activityIds = errors.Select(e => e!["activityId"]?.GetValue<string>()).ToList();
        Assert.That(activityIds, Does.Contain("mystery").And.Contain("set"), problem.ToJsonString());
        Assert.That(errors.All(e => e!["code"] is not null && e["message"] is not null), Is.True);

        var latest = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-definitions/{id}"), 200);
        Assert.That(latest["isPublished"]!.GetValue<bool>(), Is.False, "nothing was published");
    }

    [Test]
    public async Task Validate_reports_without_saving()
    {
        var good = Flows.Greeting();
        var result = await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions/validate", good), 200);
        Assert.That(result["valid"]!.GetValue<bool>(), Is.True, result.ToJsonString());
        Assert.That(result["errors"]!.AsArray(), Is.Empty);

        var bad = Flows.Greeting();
        bad["activities"]!.AsArray().Add(Flows.Node("orphan", "Log", new JsonObject { ["message"] = "never reached" }));
        result = await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions/validate", bad), 200);
        Assert.That(result["valid"]!.GetValue<bool>(), Is.False);
        Assert.That(result["errors"]!.AsArray().Select(e => e!["activityId"]?.GetValue<string>()), Does.Contain("orphan"));

        var broken = await Http.ReadAsync(await Api.PostJsonTextAsync("/api/workflow-definitions/validate", """{"id":"x","name":"x"}"""), 200);
        Assert.That(broken["valid"]!.GetValue<bool>(), Is.False);
        Assert.That(broken["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("activities"));

        await Http.ReadProblemAsync(await Api.GetAsync($"/api/workflow-definitions/{good["id"]}"), 404);
    }
}
