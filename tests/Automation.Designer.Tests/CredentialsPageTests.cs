using System.Net.Http.Json;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

public sealed class CredentialsPageTests : DesignerTestBase
{
    [Test]
    public async Task An_admin_adds_changes_and_deletes_a_credential_and_the_password_is_never_shown_again()
    {
        const string password = "Pa55-for-the-finance-system";
        using (var api = Server.Client())
        {
            // Start from no credentials (another test of this fixture may have added one) to see the empty state.
            foreach (var c in (await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/credentials"))!)
                (await api.DeleteAsync($"/api/credentials/{c!["name"]}")).EnsureSuccessStatusCode();
        }
        await SignInAsync(path: "/credentials");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Credentials", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("There are no credentials yet.")).ToBeVisibleAsync();
        await AssertAccessibleAsync("the empty credentials page");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Add credential" }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name (required)", new() { Exact = true }).FillAsync("finance-bot");
        await dialog.GetByLabel("Description").FillAsync("Accounts payable bot");
        ExpectedConsoleErrors.Add("400");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save credential" }).ClickAsync();
        await Expect(dialog.GetByLabel("User name (required)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dialog.GetByText("User name is required.")).ToBeVisibleAsync();
        await AssertAccessibleAsync("the credential form showing errors");

        await dialog.GetByLabel("User name (required)").FillAsync("ap-bot");
        await dialog.GetByLabel("Password (required)").FillAsync(password);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save credential" }).ClickAsync();
        await Expect(Page.GetByText("Saved finance-bot.")).ToBeVisibleAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "finance-bot" });
        await Expect(row).ToContainTextAsync("password: set");
        await Expect(row).ToContainTextAsync("username: ap-bot");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Change finance-bot" }).ClickAsync();
        await Expect(dialog.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(dialog.GetByText("Set. Leave empty to keep it")).ToBeVisibleAsync();
        await dialog.GetByLabel("User name (required)").FillAsync("ap-bot-2");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save credential" }).ClickAsync();
        await Expect(row).ToContainTextAsync("username: ap-bot-2");
        Assert.That(await Page.ContentAsync(), Does.Not.Contain(password));

        using (var api = Server.Client())
        {
            var stored = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/credentials/finance-bot");
            Assert.That(stored!["secretNames"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "password" }),
                "saving without retyping the password kept it");
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete finance-bot" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Delete finance-bot?" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("the delete confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete credential" }).ClickAsync();
        await Expect(Page.GetByText("There are no credentials yet.")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_process_owner_sees_the_credentials_but_cannot_change_them()
    {
        using (var api = Server.Client())
        {
            var response = await api.PutAsJsonAsync("/api/credentials/hr-portal",
                new { kind = "usernamePassword", description = "People portal", fields = new { username = "hr-bot" }, secrets = new { password = "x" } });
            response.EnsureSuccessStatusCode();
        }
        await SignInAsync(await Server.CreateKeyAsync("Sam Process Owner", "processOwner"), "/credentials");

        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "hr-portal" })).ToContainTextAsync("People portal");
        await Expect(Page.GetByText("Only an administrator can add or change them.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add credential" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync("the credentials page for a process owner");
    }
}
