using Automation.Designer.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Automation.Designer.Tests;

/// <summary>The library of a server with no workflows at all (its own fixture, so no other test adds any).</summary>
public sealed class LibraryEmptyStateTests : DesignerTestBase
{
    [Test]
    public async Task An_empty_library_explains_what_to_do_and_an_operator_is_not_offered_create_or_import()
    {
        await SignInAsync(path: "/workflows");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "No workflows yet" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Create one from scratch, or import a .workflow.json file.")).ToBeVisibleAsync();
        await AssertAccessibleAsync("the empty library");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(await Server.CreateKeyAsync("Olu Operator", "operator"), "/workflows");
        await Expect(Page.GetByText("A process owner can create or import one.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Create a workflow" })).ToHaveCountAsync(0);
    }
}
