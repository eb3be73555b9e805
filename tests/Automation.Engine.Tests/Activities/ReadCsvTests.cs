using System.Text;
using System.Text.Json.Nodes;
using Automation.Engine.Documents;
using Automation.Engine.Model;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Tests.Activities;

public class ReadCsvTests
{
    // Two rows as HR exports them: CRLF line ends, a byte order mark, a quoted field holding a comma and a quote,
    // a value padded with a space, and a blank line at the end.
    private const string Feed =
        "\uFEFFWorkerID,FirstName,LastName,StreetAddress,ZipCode\r\n" +
        "1222,Talya,Fleeta,\"303 Mansion Ct, \"\"Rear\"\"\",85434 \r\n" +
        "1727,Myriam,Durware,,53965\r\n" +
        "\r\n";

    private static WorkflowDefinition OneStep(JsonObject inputs) => Flow.Create("read-csv")
        .Input("csv", ValueTypes.String)
        .Start()
        .Activity("read", "Csv.Read", inputs)
        .Chain("start", "read")
        .Build();

    [Test]
    public async Task Each_row_becomes_an_object_keyed_by_the_header_with_quotes_undone_and_padding_trimmed()
    {
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(OneStep(new JsonObject { ["text"] = Expr.Js("input.csv") }), new JsonObject { ["csv"] = Feed });

        instance.AssertStatus(WorkflowStatus.Finished);
        var output = instance.OutputOf("read")!;
        Assert.That(output["count"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(output["columns"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "WorkerID", "FirstName", "LastName", "StreetAddress", "ZipCode" }));
        var first = output["rows"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(first["WorkerID"]!.GetValue<string>(), Is.EqualTo("1222"));
            Assert.That(first["StreetAddress"]!.GetValue<string>(), Is.EqualTo("303 Mansion Ct, \"Rear\""));
            Assert.That(first["ZipCode"]!.GetValue<string>(), Is.EqualTo("85434"));
            Assert.That(output["rows"]![1]!["StreetAddress"]!.GetValue<string>(), Is.EqualTo(""));
        });
    }

    [Test]
    public async Task Without_trimming_the_values_are_kept_as_written()
    {
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(OneStep(new JsonObject { ["text"] = Expr.Js("input.csv"), ["trim"] = false }), new JsonObject { ["csv"] = Feed });

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.OutputOf("read")!["rows"]![0]!["ZipCode"]!.GetValue<string>(), Is.EqualTo("85434 "));
    }

    [Test]
    public async Task A_stored_document_is_read_by_its_id()
    {
        var documents = new InMemoryDocumentStore(TimeProvider.System);
        var saved = await documents.SaveAsync("starters.csv", "text/csv", Encoding.UTF8.GetBytes(Feed));
        await using var engine = EngineHarness.Create(services: s => s.AddSingleton<IDocumentStore>(documents));

        var instance = await engine.RunAsync(OneStep(new JsonObject { ["documentId"] = saved.Id }));

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.OutputOf("read")!["rows"]![1]!["LastName"]!.GetValue<string>(), Is.EqualTo("Durware"));
    }

    [TestCase("WorkerID,FirstName\n1222,Talya\n1727,Myriam,Durware\n", "Row 3 has 3 fields; the header has 2.")]
    [TestCase("WorkerID,,LastName\n1222,Talya,Fleeta\n", "Row 1, column 2: the header has an empty column name.")]
    [TestCase("WorkerID,Name,name,Name\n1,a,b,c\n", "Row 1: the column name 'Name' appears twice.")]
    [TestCase("\n\n", "The CSV has no header row naming its columns.")]
    public async Task A_malformed_csv_faults_the_step_naming_the_row(string csv, string message)
    {
        await using var engine = EngineHarness.Create();

        var instance = await engine.RunAsync(OneStep(new JsonObject { ["text"] = Expr.Js("input.csv") }), new JsonObject { ["csv"] = csv });

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.State.Incidents.Single().Message, Does.Contain(message));
    }

    [Test]
    public async Task Neither_text_nor_a_document_and_an_unknown_document_are_refused_by_name()
    {
        await using var engine = EngineHarness.Create(services: s => s.AddSingleton<IDocumentStore>(new InMemoryDocumentStore(TimeProvider.System)));

        var none = await engine.RunAsync(OneStep([]));
        var unknown = await engine.RunAsync(OneStep(new JsonObject { ["documentId"] = "no-such-doc" }));

        Assert.That(none.State.Incidents.Single().Message, Does.Contain("Give the CSV to read"));
        Assert.That(unknown.State.Incidents.Single().Message, Does.Contain("there is no document 'no-such-doc'"));
    }
}
