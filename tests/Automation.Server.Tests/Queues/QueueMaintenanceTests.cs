using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Queues;

/// <summary>The server's own maintenance pass: a bot that dies holding an item loses it to the next bot once its lease runs out.</summary>
[TestFixture]
internal sealed class QueueMaintenanceTests
{
    [Test]
    public async Task A_bot_that_stops_heartbeating_loses_its_item_which_another_bot_then_completes_once()
    {
        await using var server = await ServerHarness.StartAsync(new Dictionary<string, string?> { ["Automation:Queues:MaintenanceInterval"] = "00:00:00.200" });
        using var admin = server.Client();
        await Http.ReadAsync(await admin.PutJsonTextAsync("/api/queues/starters", """{"maxAttempts":2,"leaseSeconds":1,"abandonAfterMinutes":60}"""), 201);
        await Http.ReadAsync(await admin.PostJsonTextAsync("/api/queues/starters/items", """{"reference":"EMP-1001","data":{"name":"Ada Lovelace"}}"""), 201);
        using var dying = server.Client(await server.CreateKeyAsync("hr-bot-1", "bot"));
        using var healthy = server.Client(await server.CreateKeyAsync("hr-bot-2", "bot"));

        var taken = await Http.ReadAsync(await dying.PostAsync("/api/queues/starters/take", null), 200);
        var id = taken["id"]!.GetValue<string>();
        // hr-bot-1 is "killed" here: it never heartbeats again.
        Assert.That((await healthy.PostAsync("/api/queues/starters/take", null)).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent), "held while the lease lasts");

        JsonObject item;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((item = (await Http.ReadAsync(await admin.GetAsync($"/api/queue-items/{id}"), 200))["item"]!.AsObject())["status"]!.GetValue<string>() != "new")
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"The lease never expired: {item.ToJsonString()}");
            await Task.Delay(100);
        }

        Assert.That(item["failureKind"]!.GetValue<string>(), Is.EqualTo("system"));
        Assert.That(item["failureReason"]!.GetValue<string>(), Does.Contain("hr-bot-1"));
        var retaken = await Http.ReadAsync(await healthy.PostAsync("/api/queues/starters/take", null), 200);
        Assert.That(retaken["id"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(retaken["attempts"]!.GetValue<int>(), Is.EqualTo(2));
        await Http.ReadProblemAsync(await dying.PostAsJsonAsync($"/api/queue-items/{id}/complete", new { }), 409);
        await Http.ReadAsync(await healthy.PostAsJsonAsync($"/api/queue-items/{id}/complete", new { output = new { account = "ada.lovelace" } }), 200);

        var history = (await Http.ReadAsync(await admin.GetAsync($"/api/queue-items/{id}"), 200))["history"]!.AsArray();
        Assert.That(history.Select(e => $"{e!["action"]} {e["status"]} {e["actor"]}"), Is.EqualTo(new[]
        {
            "added new bootstrap-admin", "taken inProgress hr-bot-1", "leaseExpired retried ", "taken inProgress hr-bot-2", "completed successful hr-bot-2",
        }));
    }
}
