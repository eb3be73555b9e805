using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Automation.Designer.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>The versions page: history, the diff of two versions, and revert.</summary>
public sealed class VersionsTests : DesignerTestBase
{
    /// <summary>v1 (published) logs "Hello residents"; v2 (published) logs "Hello residents and businesses" and adds a step.</summary>
    private async Task<string> ArrangeTwoVersionsAsync(HttpClient api)
    {
        var id = "bins-" + Guid.NewGuid().ToString("N")[..6];
        await WorkflowArrange.CreateAsync(api, WorkflowArrange.Logging(id, $"Missed bin {id}", "Hello residents"));
        await WorkflowArrange.PublishAsync(api, id, "First release");
        var v2 = WorkflowArrange.Flow(id, $"Missed bin {id}",
            [
                WorkflowArrange.Node("start", "Start"),
                WorkflowArrange.Node("say", "Log", new JsonObject { ["message"] = "Hello residents and businesses" }, "Say something"),
                WorkflowArrange.Node("thanks", "Log", new JsonObject { ["message"] = "Thank you" }, "Say thanks"),
                WorkflowArrange.Node("end", "End"),
            ],
            [WorkflowArrange.Edge("start", "say"), WorkflowArrange.Edge("say", "thanks"), WorkflowArrange.Edge("thanks", "end")]);
        await WorkflowArrange.SaveAsync(api, v2);
        await WorkflowArrange.PublishAsync(api, id, "Businesses too");
        return id;
    }

    [Test]
    public async Task The_diff_shows_a_changed_step_old_beside_new_and_the_added_step_and_connections()
    {
        using var api = Server.Client();
        var id = await ArrangeTwoVersionsAsync(api);

        await SignInAsync(path: "/workflows");
        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = id })
            .GetByRole(AriaRole.Link, new() { Name = $"Versions of Missed bin {id}" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/workflows/{id}/versions$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Versions of Missed bin {id}" })).ToBeVisibleAsync();

        var history = Page.GetByRole(AriaRole.Table, new() { Name = "Version history, newest first" });
        await Expect(history.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(history.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Businesses too");
        await Expect(history.GetByRole(AriaRole.Row).Nth(2)).ToContainTextAsync("First release");

        await Expect(Page.GetByLabel("Older version (left)")).ToHaveValueAsync("1");
        await Expect(Page.GetByLabel("Newer version (right)")).ToHaveValueAsync("2");
        var changed = Page.GetByRole(AriaRole.Table, new() { Name = "Changed step “Say something” (say, Log)" });
        await Expect(changed).ToBeVisibleAsync();
        var row = changed.GetByRole(AriaRole.Row, new() { Name = "Input “message”" });
        await Expect(row.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("Was: Hello residents");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("Now: Hello residents and businesses");
        await Expect(changed.GetByRole(AriaRole.Row, new() { Name = "Connections out" })).ToContainTextAsync("Done → thanks");
        await Expect(Page.GetByText("Added: “Say thanks” (thanks, Log)")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Added: say —Done→ thanks")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Removed: say —Done→ end")).ToBeVisibleAsync();
        await AssertAccessibleAsync("the versions page with a diff");
        await changed.ScrollIntoViewIfNeededAsync();
        await Page.SaveScreenshotAsync("versions-diff");

        // The same version on both sides has nothing to show.
        await Page.GetByLabel("Older version (left)").SelectOptionAsync("2");
        await Expect(Page.GetByText("Choose two different versions")).ToBeVisibleAsync();
    }

    [Test]
    public async Task Reverting_saves_an_older_version_as_the_new_draft_after_confirmation()
    {
        using var api = Server.Client();
        var id = await ArrangeTwoVersionsAsync(api);

        await SignInAsync(path: $"/workflows/{id}/versions");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revert to this (version 1)" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Revert to version 1?" });
        await Expect(dialog).ToContainTextAsync("a new version 3");
        await AssertAccessibleAsync("the revert dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revert to version 1" }).ClickAsync();

        var status = Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is now the draft" });
        await Expect(status).ToContainTextAsync("Version 1 is now the draft, version 3.");
        var history = Page.GetByRole(AriaRole.Table, new() { Name = "Version history, newest first" });
        await Expect(history.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Expect(history.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Draft");

        var v3 = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{id}?version=3");
        var v1 = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{id}?version=1");
        Assert.That(JsonNode.DeepEquals(v3!["definition"], v1!["definition"]), Is.True, v3["definition"]!.ToJsonString());
        Assert.That(v3["isPublished"]!.GetValue<bool>(), Is.False);

        await status.GetByRole(AriaRole.Link, new() { Name = "Open it in the designer" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/workflows/{id}$"));
    }

    [Test]
    public async Task An_older_version_can_be_exported_as_it_was()
    {
        using var api = Server.Client();
        var id = await ArrangeTwoVersionsAsync(api);

        await SignInAsync(path: $"/workflows/{id}/versions");
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Export version 1" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Is.EqualTo($"{id}.workflow.json"));
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        var v1 = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{id}?version=1");
        Assert.That(JsonNode.DeepEquals(exported, v1!["definition"]), Is.True, exported!.ToJsonString());
    }

    [Test]
    public async Task Each_published_version_says_who_published_it_and_older_ones_that_it_was_not_recorded()
    {
        using var admin = Server.Client();
        using var owner = Server.Client(await Server.CreateKeyAsync("Priya (process owner)", "processOwner"));
        var id = "tax-" + Guid.NewGuid().ToString("N")[..6];
        await WorkflowArrange.CreateAsync(owner, WorkflowArrange.Logging(id, $"Council tax {id}", "Hello"));
        await WorkflowArrange.PublishAsync(admin, id, "First release");
        await WorkflowArrange.SaveAsync(owner, WorkflowArrange.Logging(id, $"Council tax {id}", "Hello again"));
        await WorkflowArrange.PublishAsync(admin, id, "Second release");
        await WorkflowArrange.SaveAsync(owner, WorkflowArrange.Logging(id, $"Council tax {id}", "Work in progress"));
        // Version 1 as a database upgraded from before publishers were recorded holds it (SQLite migration 8 leaves NULL).
        await using (var connection = new SqliteConnection($"Data Source={Server.DatabaseFile};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var forget = connection.CreateCommand();
            forget.CommandText = "UPDATE definition_versions SET published_by = NULL WHERE definition_id = $id AND version = 1";
            forget.Parameters.AddWithValue("$id", id);
            Assert.That(await forget.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        await SignInAsync(path: $"/workflows/{id}/versions");
        var history = Page.GetByRole(AriaRole.Table, new() { Name = "Version history, newest first" });
        var rows = history.GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(4);
        // Cells: status, published, last saved (the version is the row's header).
        await Expect(rows.Nth(1).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("Not published");
        await Expect(rows.Nth(2).GetByRole(AriaRole.Cell).Nth(1)).ToContainTextAsync("by bootstrap-admin");
        await Expect(rows.Nth(2).GetByRole(AriaRole.Cell).Nth(2)).ToContainTextAsync("Priya (process owner)");
        await Expect(rows.Nth(3).GetByRole(AriaRole.Cell).Nth(1)).ToContainTextAsync("by: not recorded");
        await Expect(rows.Nth(3).GetByRole(AriaRole.Cell).Nth(2)).ToContainTextAsync("Priya (process owner)");
        await AssertAccessibleAsync("the versions page with publishers");
    }

    [Test]
    public async Task A_workflow_that_does_not_exist_says_so()
    {
        ExpectedConsoleErrors.Add("404");
        await SignInAsync(path: "/workflows/no-such-flow/versions");
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is no workflow with the id “no-such-flow”");
        await AssertAccessibleAsync("the versions page of a missing workflow");
    }
}
