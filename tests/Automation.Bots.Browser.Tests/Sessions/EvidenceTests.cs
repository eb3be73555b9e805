using System.IO.Compression;
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

    [Test]
    public async Task Opening_an_address_that_does_not_answer_faults_with_evidence_and_leaves_no_session_open()
    {
        await using var engine = BrowserEngine.Create();
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port; // free again once stopped: nothing answers there
        }
        var flow = Flow.Create("unreachable")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = $"http://127.0.0.1:{port}/finance" })
            .Chain("start", "open")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.FaultMessage, Does.Contain("Browser.Open 'open' failed: net::ERR_CONNECTION_REFUSED"));
        Assert.That(TraceId().IsMatch(instance.FaultMessage!), Is.True, instance.FaultMessage);
        Assert.That(engine.Sessions().Count, Is.Zero);
    }

    [Test]
    public async Task The_trace_saved_as_evidence_does_not_hold_a_password_typed_from_a_credential()
    {
        const string password = "Tr4ce-S3cret-9921";
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        await engine.SaveCredentialAsync("finance-approver", "approver", password);
        var flow = Flow.Create("evidence-secret")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/invoice") })
            .Activity("pin", "Browser.Fill", new JsonObject { ["target"] = new JsonObject { ["label"] = "Approval PIN" }, ["credential"] = "finance-approver" })
            .Activity("amount", "Browser.Fill", new JsonObject { ["target"] = new JsonObject { ["label"] = "Amount" }, ["value"] = "10" })
            .Activity("approve", "Browser.Click", new JsonObject { ["target"] = "#approve", ["timeout"] = "00:00:01" })
            .Chain("start", "open", "pin", "amount", "approve")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        var trace = TraceId().Match(instance.FaultMessage!);
        Assert.That(trace.Success, Is.True, instance.FaultMessage);
        using var zip = new ZipArchive(new MemoryStream((await engine.Documents().ReadAsync(trace.Groups[1].Value))!));
        var entries = zip.Entries.Select(e => (e.FullName, Text: new StreamReader(e.Open()).ReadToEnd())).ToList();
        Assert.That(entries.Select(e => e.FullName), Has.Some.EndsWith(".trace"), "the trace has its actions");
        Assert.That(entries.Where(e => e.Text.Contains("\"10\"") && e.FullName.EndsWith(".trace")), Is.Not.Empty, "the step after the secret is traced");
        Assert.That(entries.Where(e => e.Text.Contains(password)).Select(e => e.FullName), Is.Empty);
    }

    [GeneratedRegex(@"screenshot document (\S+?)[,.]")]
    private static partial Regex ScreenshotId();

    [GeneratedRegex(@"trace document (\S+?)[,.]")]
    private static partial Regex TraceId();
}
