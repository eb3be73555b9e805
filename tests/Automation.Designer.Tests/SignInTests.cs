using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

public sealed class SignInTests : DesignerTestBase
{
    [Test]
    public async Task The_sign_in_page_is_accessible()
    {
        await Page.GotoAsync("/");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Automation" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("the sign-in page");
    }

    [Test]
    public async Task A_wrong_key_is_refused_with_a_message_and_the_right_key_signs_in()
    {
        ExpectedConsoleErrors.Add("401");
        await Page.GotoAsync("/workflows");
        await Page.GetByLabel("API key").FillAsync("not-a-key");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("was not accepted");
        await AssertAccessibleAsync("the sign-in page showing an error");

        var key = await Server.CreateKeyAsync("Priya Shah", "processOwner");
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByText("Signed in as")).ToContainTextAsync("Priya Shah");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/workflows$"));
    }

    [Test]
    public async Task Signing_out_returns_to_the_sign_in_page_and_forgets_the_key()
    {
        await SignInAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page.GetByLabel("API key")).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await Expect(Page.GetByLabel("API key")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_page_address_opened_directly_is_served_by_the_app_and_an_unknown_one_says_so()
    {
        await SignInAsync(path: "/no/such/page");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await AssertAccessibleAsync("the not-found page");
    }
}
