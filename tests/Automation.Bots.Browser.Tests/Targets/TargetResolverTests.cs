using System.Text.Json.Nodes;
using Automation.Bots.Browser.Targets;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Tests.Targets;

/// <summary>Acting on a target without fallbacks goes straight to Playwright's action, but reports target problems as the resolver does.</summary>
public class TargetResolverTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(500);

    [Test]
    public async Task Acting_on_a_label_fills_it_and_a_missing_label_fails_saying_nothing_matched_it()
    {
        var context = await SharedBrowser.Pool.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.SetContentAsync("<label for=a>Town</label><input id=a><label for=b>Postcode</label><input id=b>");

            var found = await TargetResolver.ActAsync(page, Label("Town"), Short, l => l.FillAsync("Leeds", new() { Timeout = 500 }));
            var missing = Assert.ThrowsAsync<TargetNotFoundException>(() => TargetResolver.ActAsync(page, Label("Email"), Short, l => l.FillAsync("x", new() { Timeout = 500 })));

            Assert.That(await page.InputValueAsync("#a"), Is.EqualTo("Leeds"));
            Assert.That(found.Alternative.ToString(), Is.EqualTo("label \"Town\""));
            Assert.That(missing!.Message, Does.StartWith("Nothing on the page matched label \"Email\" within 0.5 s"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Test]
    public async Task A_field_that_is_there_but_read_only_fails_with_playwrights_reason_not_as_a_missing_target()
    {
        var context = await SharedBrowser.Pool.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.SetContentAsync("<label for=a>Town</label><input id=a readonly>");

            var error = Assert.CatchAsync(() => TargetResolver.ActAsync(page, Label("Town"), Short, l => l.FillAsync("Leeds", new() { Timeout = 500 })));

            Assert.That(error, Is.Not.InstanceOf<TargetNotFoundException>());
            Assert.That(error, Is.InstanceOf<PlaywrightException>().Or.InstanceOf<System.TimeoutException>());
            Assert.That(error!.Message, Does.Contain("editable"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static Target Label(string label) => Target.Parse(new JsonObject { ["label"] = label });
}
