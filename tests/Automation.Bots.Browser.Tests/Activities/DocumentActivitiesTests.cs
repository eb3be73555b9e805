using System.Text;
using System.Text.Json.Nodes;
using Automation.Bots.Browser.Tests.Support;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Bots.Browser.Tests.Activities;

/// <summary>Screenshot, Download and Upload move files between the page and the document store.</summary>
public class DocumentActivitiesTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Test]
    public async Task A_screenshot_is_saved_as_a_png_document_of_the_instance()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        var flow = Flow.Create("screenshot")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/invoices") })
            .Activity("shot", "Browser.Screenshot", new JsonObject { ["name"] = "invoice-list" })
            .Chain("start", "open", "shot")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        var id = instance.OutputOf("shot")!["documentId"]!.GetValue<string>();
        var document = await engine.Documents().GetAsync(id);
        Assert.That(document, Is.Not.Null);
        Assert.That(document!.Name, Is.EqualTo("invoice-list.png"));
        Assert.That(document.ContentType, Is.EqualTo("image/png"));
        Assert.That(document.InstanceId, Is.EqualTo(instance.Id));
        Assert.That((await engine.Documents().ReadAsync(id))!.Take(8), Is.EqualTo(PngSignature));
    }

    [Test]
    public async Task A_downloaded_file_is_kept_as_a_document_with_the_name_the_site_gave()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        var flow = Flow.Create("download")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/invoices") })
            .Activity("export", "Browser.Download", new JsonObject { ["target"] = new JsonObject { ["role"] = "link", ["name"] = "Export CSV" } })
            .Chain("start", "open", "export")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        var id = instance.OutputOf("export")!["documentId"]!.GetValue<string>();
        var document = await engine.Documents().GetAsync(id);
        Assert.That(document!.Name, Is.EqualTo("invoices.csv"));
        Assert.That(document.ContentType, Is.EqualTo("text/csv"));
        Assert.That(Encoding.UTF8.GetString((await engine.Documents().ReadAsync(id))!), Is.EqualTo(LegacySite.ExportCsv));
    }

    [Test]
    public async Task A_stored_document_is_chosen_in_a_file_field()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        var stored = await engine.Documents().SaveAsync("receipt.txt", "text/plain", Encoding.UTF8.GetBytes("Receipt 42."));
        var flow = Flow.Create("upload")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/upload") })
            .Activity("attach", "Browser.Upload", new JsonObject { ["target"] = new JsonObject { ["label"] = "Attach invoice" }, ["documents"] = stored.Id })
            .Activity("check", "Browser.WaitFor", new JsonObject { ["target"] = new JsonObject { ["text"] = "receipt.txt" } })
            .Activity("read", "Browser.ReadText", new JsonObject { ["target"] = "#file-info" })
            .Chain("start", "open", "attach", "check", "read")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.OutputOf("read")!["text"]!.GetValue<string>(), Is.EqualTo("receipt.txt 11 bytes: Receipt 42."));
        Assert.That(instance.OutputOf("attach")!["files"]!.AsArray().Single()!.GetValue<string>(), Is.EqualTo("receipt.txt"));
    }
}
