using System.Text.Json.Nodes;
using static Automation.Server.Tests.Flows;

namespace Automation.Server.Tests.Queues;

/// <summary>Workflows and queues through the real server: the AddQueueItem activity and the QueueItem trigger.</summary>
[TestFixture]
internal sealed class QueueWorkflowTests : ServerTestBase
{
    private async Task<string> NewQueueAsync(int maxAttempts)
    {
        var name = NewId("queue");
        await Http.ReadAsync(await Api.PutJsonTextAsync($"/api/queues/{name}", $$"""{"maxAttempts":{{maxAttempts}},"leaseSeconds":60}"""), 201);
        return name;
    }

    [Test]
    public async Task AddQueueItem_adds_the_item_once_and_a_second_run_with_the_same_reference_leaves_by_Duplicate()
    {
        var queue = await NewQueueAsync(3);
        var flow = Flow(NewId("intake"),
            [
                Node("start", "Start"),
                Node("add", "AddQueueItem", new JsonObject
                {
                    ["queue"] = queue, ["reference"] = Js("input.ref"), ["data"] = Js("({ supplier: input.supplier })"), ["priority"] = "high",
                }),
                Node("added", "SetVariable", new JsonObject { ["variable"] = "result", ["value"] = Js("'added ' + activities.add.output.itemId") }),
                Node("duplicate", "SetVariable", new JsonObject { ["variable"] = "result", ["value"] = Js("'duplicate ' + activities.add.output.itemId") }),
                Node("end", "End"),
            ],
            [Edge("start", "add"), Edge("add", "added", "Added"), Edge("add", "duplicate", "Duplicate"), Edge("added", "end"), Edge("duplicate", "end")],
            outputs: ["result"], variables: [new JsonObject { ["name"] = "result", ["type"] = "string" }]);
        flow["inputs"] = new JsonArray(new JsonObject { ["name"] = "ref", ["type"] = "string" }, new JsonObject { ["name"] = "supplier", ["type"] = "string" });
        var id = await Api.PublishAsync(flow);

        var first = await Api.StartAsync(id, new { @ref = "INV-500", supplier = "ACME Ltd" });
        var second = await Api.StartAsync(id, new { @ref = "INV-500", supplier = "ACME Ltd" });

        var items = (await Http.ReadAsync(await Api.GetAsync($"/api/queues/{queue}/items"), 200))["items"]!.AsArray();
        Assert.That(items, Has.Count.EqualTo(1));
        var itemId = items[0]!["id"]!.GetValue<string>();
        Assert.That(items[0]!["priority"]!.GetValue<string>(), Is.EqualTo("high"));
        Assert.That(items[0]!["data"]!["supplier"]!.GetValue<string>(), Is.EqualTo("ACME Ltd"));
        Assert.That(first["output"]!["result"]!.GetValue<string>(), Is.EqualTo($"added {itemId}"), first.ToJsonString());
        Assert.That(second["output"]!["result"]!.GetValue<string>(), Is.EqualTo($"duplicate {itemId}"), second.ToJsonString());
    }

    [Test]
    public async Task The_QueueItem_trigger_starts_one_instance_per_item_and_settles_each_item_by_how_its_instance_ends()
    {
        var queue = await NewQueueAsync(maxAttempts: 2);
        var flow = Flow(NewId("keyer"),
            [
                Node("item", "QueueItem", new JsonObject { ["queue"] = queue, ["pollInterval"] = "00:00:00.2" }),
                Node("check", "Decision", new JsonObject { ["condition"] = Js("input.data.broken === true") }),
                Node("boom", "Fail", new JsonObject { ["message"] = "The finance system refused the invoice" }),
                Node("keep", "SetVariable", new JsonObject { ["variable"] = "keyed", ["value"] = Js("input.reference + ' for ' + input.data.supplier") }),
                Node("end", "End"),
            ],
            [Edge("item", "check"), Edge("check", "boom", "True"), Edge("check", "keep", "False"), Edge("keep", "end")],
            outputs: ["keyed"], variables: [new JsonObject { ["name"] = "keyed", ["type"] = "string" }]);
        var id = await Api.PublishAsync(flow);

        await Http.ReadAsync(await Api.PostJsonTextAsync($"/api/queues/{queue}/items", """
            [{"reference":"INV-1","data":{"supplier":"ACME Ltd"}},{"reference":"INV-2","data":{"supplier":"Brown","broken":true}}]
            """), 201);

        var items = await WaitForItemsAsync(queue, i => i["status"]!.GetValue<string>() is "successful" or "failed", 2);
        var good = items.Single(i => i["reference"]!.GetValue<string>() == "INV-1");
        var bad = items.Single(i => i["reference"]!.GetValue<string>() == "INV-2");
        Assert.That(good["status"]!.GetValue<string>(), Is.EqualTo("successful"));
        Assert.That(good["output"]!["output"]!["keyed"]!.GetValue<string>(), Is.EqualTo("INV-1 for ACME Ltd"));
        var instanceId = good["output"]!["instanceId"]!.GetValue<string>();
        var instance = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances/{instanceId}"), 200);
        Assert.That(instance["definitionId"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(instance["input"]!["itemId"]!.GetValue<string>(), Is.EqualTo(good["id"]!.GetValue<string>()));

        Assert.That(bad["status"]!.GetValue<string>(), Is.EqualTo("failed"), "a faulted instance is a system exception: retried once, then failed");
        Assert.That(bad["attempts"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(bad["failureKind"]!.GetValue<string>(), Is.EqualTo("system"));
        Assert.That(bad["failureReason"]!.GetValue<string>(), Does.Contain("The finance system refused the invoice"));
        var instances = (await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances?definitionId={id}"), 200))["items"]!.AsArray();
        Assert.That(instances, Has.Count.EqualTo(3), "one instance per attempt: INV-1 once, INV-2 twice");
    }

    private async Task<List<JsonObject>> WaitForItemsAsync(string queue, Func<JsonObject, bool> settled, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = (await Http.ReadAsync(await Api.GetAsync($"/api/queues/{queue}/items"), 200))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            if (items.Count(settled) == count) return items;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Waited 30 s for {count} settled items: {string.Join(", ", items.Select(i => i.ToJsonString()))}");
            await Task.Delay(100);
        }
    }
}
