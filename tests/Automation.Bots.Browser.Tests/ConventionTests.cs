using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;

namespace Automation.Bots.Browser.Tests;

/// <summary>The designer builds its palette from descriptors alone, so every browser activity describes itself fully.</summary>
public class ConventionTests
{
    private static readonly string[] Expected =
    [
        "Browser.Open", "Browser.Navigate", "Browser.Fill", "Browser.Select", "Browser.Click", "Browser.WaitFor", "Browser.ReadText",
        "Browser.ReadTable", "Browser.Screenshot", "Browser.Download", "Browser.Upload", "Browser.Close",
    ];

    private static IReadOnlyList<ActivityDescriptor> BrowserDescriptors() =>
        ActivityRegistry.Create(typeof(BrowserPool).Assembly).Descriptors.Where(d => d.Type.StartsWith("Browser.", StringComparison.Ordinal)).ToList();

    [Test]
    public void Every_browser_activity_is_registered_in_the_browser_category()
    {
        var descriptors = BrowserDescriptors();

        Assert.That(descriptors.Select(d => d.Type), Is.EquivalentTo(Expected));
        Assert.That(descriptors.Select(d => d.Category).Distinct(), Is.EqualTo(new[] { "Browser" }));
    }

    [Test]
    public void Every_browser_activity_and_input_has_a_description()
    {
        foreach (var descriptor in BrowserDescriptors())
        {
            Assert.That(descriptor.Description, Is.Not.Empty, descriptor.Type);
            Assert.That(descriptor.Outcomes, Is.Not.Empty, descriptor.Type);
            foreach (var input in descriptor.Inputs)
                Assert.That(input.Description, Is.Not.Empty, $"{descriptor.Type}.{input.Name}");
        }
    }
}
