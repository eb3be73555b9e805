using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Automation.Bots.Browser.Tests.Support;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Bots.Browser.Tests.Sessions;

/// <summary>A failed browser step leaves a screenshot and a Playwright trace as documents, named in the fault.</summary>
public partial class EvidenceTests
{
    [Test]
    public async Task A_step_whose_element_never_appears_faults_naming_the_screenshot_and_trace_it_saved()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        var flow = Flow.Create("evidence")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/invoice") })
            .Activity("fill", "Browser.Fill", new JsonObject { ["target"] = new JsonObject { ["label"] = "Amount" }, ["value"] = "10" })
            .Activity("approve", "Browser.Click", new JsonObject
            {
                ["target"] = new JsonObject { ["role"] = "button", ["name"] = "Approve", ["fallbacks"] = new JsonArray("#approve") },
                ["timeout"] = "00:00:01",
            })
            .Chain("start", "open", "fill", "approve")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.FaultMessage, Does.Contain("Browser.Click 'approve' failed: Nothing on the page matched role button \"Approve\" or css \"#approve\""));
        var screenshot = ScreenshotId().Match(instance.FaultMessage!);
        var trace = TraceId().Match(instance.FaultMessage!);
        Assert.That(screenshot.Success && trace.Success, Is.True, instance.FaultMessage);

        var png = await engine.Documents().GetAsync(screenshot.Groups[1].Value);
        Assert.That(png, Is.Not.Null);
        Assert.That(png!.ContentType, Is.EqualTo("image/png"));
        Assert.That(png.InstanceId, Is.EqualTo(instance.Id));
        var zip = await engine.Documents().ReadAsync(trace.Groups[1].Value);
        Assert.That(zip!.Take(2), Is.EqualTo("PK"u8.ToArray()), "a trace is a zip file the Playwright trace viewer opens");
        Assert.That(zip, Has.Length.GreaterThan(1000));
    }

    [GeneratedRegex(@"screenshot document (\S+?)[,.]")]
    private static partial Regex ScreenshotId();

    [GeneratedRegex(@"trace document (\S+?)[,.]")]
    private static partial Regex TraceId();
}
