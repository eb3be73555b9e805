using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>A step that signs in elsewhere picks a stored credential by name; its secret never reaches the page.</summary>
public sealed class DesignerCredentialTests : DesignerTestBase
{
    [Test]
    public async Task An_http_step_picks_a_stored_credential_and_the_workflow_saves_its_name()
    {
        using (var api = Server.Client())
        {
            (await api.PutAsJsonAsync("/api/credentials/finance-bot", new
            {
                kind = "usernamePassword", description = "Finance system", fields = new { username = "ap-bot" }, secrets = new { password = "never-shown-1" },
            })).EnsureSuccessStatusCode();
        }
        await Server.CreateDefinitionAsync(new JsonObject
        {
            ["id"] = "signed-call", ["name"] = "Signed call",
            ["activities"] = new JsonArray
            {
                new JsonObject { ["id"] = "start", ["type"] = "Start", ["position"] = new JsonObject { ["x"] = 100, ["y"] = 40 } },
                new JsonObject
                {
                    ["id"] = "call", ["type"] = "HttpRequest", ["inputs"] = new JsonObject { ["url"] = "http://127.0.0.1:9/invoices" },
                    ["position"] = new JsonObject { ["x"] = 100, ["y"] = 200 },
                },
            },
            ["connections"] = new JsonArray { new JsonObject { ["from"] = "start", ["outcome"] = "Done", ["to"] = "call" } },
        });
        await SignInAsync(path: "/workflows/signed-call");

        await Page.Node("call").ClickAsync();
        var picker = Page.Locator("#field-call-inputs_credential");
        await Expect(picker.Locator("option", new() { HasText = "finance-bot – Finance system" })).ToHaveCountAsync(1);
        await picker.SelectOptionAsync("finance-bot");
        await AssertAccessibleAsync("an HTTP step with its credential picked");

        await Expect(Page.Locator(".save-status")).ToContainTextAsync("Saved", new() { Timeout = 10_000 });
        var saved = await Server.ReadDefinitionAsync("signed-call");
        var call = saved["definition"]!["activities"]!.AsArray().Single(a => (string)a!["id"]! == "call")!;
        Assert.That(call["inputs"]!["credential"]!.GetValue<string>(), Is.EqualTo("finance-bot"));
        Assert.That(await Page.ContentAsync(), Does.Not.Contain("never-shown-1"));
    }
}
