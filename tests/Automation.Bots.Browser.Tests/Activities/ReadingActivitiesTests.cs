using System.Text.Json.Nodes;
using Automation.Bots.Browser.Tests.Support;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Bots.Browser.Tests.Activities;

/// <summary>Navigate, ReadTable, WaitFor and Close.</summary>
public class ReadingActivitiesTests
{
    [Test]
    public async Task A_table_is_read_as_one_object_per_row_keyed_by_the_headings()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        var flow = Flow.Create("read-table")
            .Output("total")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject())
            .Activity("go", "Browser.Navigate", new JsonObject { ["url"] = site.Url("/invoices") })
            .Activity("table", "Browser.ReadTable", new JsonObject { ["target"] = new JsonObject { ["role"] = "table", ["name"] = "Invoices" } })
            .Set("sum", "total", Expr.Js("activities.table.output.rows.reduce((s, r) => s + Number(r.Amount), 0)"))
            .Chain("start", "open", "go", "table", "sum")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.OutputOf("go")!["status"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(instance.OutputOf("go")!["title"]!.GetValue<string>(), Is.EqualTo("Finance - Invoices"));
        var rows = instance.OutputOf("table")!["rows"]!.AsArray();
        Assert.That(rows.Select(r => r!.ToJsonString()), Is.EqualTo(new[]
        {
            """{"Number":"INV-1","Supplier":"Acme Ltd","Amount":"120.00"}""",
            """{"Number":"INV-2","Supplier":"Borough Supplies","Amount":"75.50"}""",
        }));
        Assert.That(instance.OutputOf("table")!["count"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(instance.Output!["total"]!.GetValue<double>(), Is.EqualTo(195.5));
    }

    [Test]
    public async Task Waiting_for_a_message_that_appears_late_continues_once_it_is_shown()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        var flow = Flow.Create("wait-for")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/late") })
            .Activity("wait", "Browser.WaitFor", new JsonObject { ["target"] = new JsonObject { ["text"] = "Batch posted" } })
            .Activity("read", "Browser.ReadText", new JsonObject { ["target"] = new JsonObject { ["role"] = "status" } })
            .Chain("start", "open", "wait", "read")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(instance.OutputOf("read")!["text"]!.GetValue<string>(), Is.EqualTo("Batch posted"));
    }

    [Test]
    public async Task Close_ends_the_session_and_a_later_step_is_told_to_open_a_new_one()
    {
        await using var site = LegacySite.Start();
        await using var engine = BrowserEngine.Create();
        var flow = Flow.Create("close")
            .Start()
            .Activity("open", "Browser.Open", new JsonObject { ["url"] = site.Url("/invoices") })
            .Activity("close", "Browser.Close", new JsonObject())
            .Activity("read", "Browser.ReadText", new JsonObject { ["target"] = "h1" })
            .Chain("start", "open", "close", "read")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.OutputOf("close")!["closed"]!.GetValue<bool>(), Is.True);
        Assert.That(instance.FaultMessage, Does.Contain("no open browser session").And.Contain("Browser.Open"));
    }
}
