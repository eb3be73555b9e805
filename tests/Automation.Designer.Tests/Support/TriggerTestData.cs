using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Automation.Designer.Tests.Support;

/// <summary>Arranges published workflows that start from <see cref="TestScheduleTrigger"/>, through the API.</summary>
public static class TriggerTestData
{
    /// <summary>
    /// Creates and publishes <paramref name="id"/>: a TestSchedule trigger (activity id <c>schedule</c>) with
    /// <paramref name="cron"/>, followed by End. Returns the trigger's id (<c>{id}:schedule</c>).
    /// </summary>
    /// <remarks><paramref name="type"/> chooses the trigger: the test's module trigger, or the server's own <c>Schedule</c>.</remarks>
    public static async Task<string> PublishScheduledWorkflowAsync(this DesignerServer server, string id, string name, string? cron, string? timeZone = null,
        string type = "TestSchedule", string? interval = null)
    {
        var settings = new JsonObject();
        if (cron is not null) settings["cron"] = cron;
        if (interval is not null) settings["interval"] = interval;
        if (timeZone is not null) settings["timeZone"] = timeZone;
        await server.CreateDefinitionAsync(new JsonObject
        {
            ["id"] = id, ["name"] = name,
            ["activities"] = new JsonArray
            {
                new JsonObject { ["id"] = "schedule", ["type"] = type, ["inputs"] = settings, ["position"] = new JsonObject { ["x"] = 100, ["y"] = 40 } },
                new JsonObject { ["id"] = "end", ["type"] = "End", ["position"] = new JsonObject { ["x"] = 100, ["y"] = 220 } },
            },
            ["connections"] = new JsonArray { new JsonObject { ["from"] = "schedule", ["outcome"] = "Done", ["to"] = "end" } },
        });
        using var client = server.Client();
        using var published = await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { comment = "test" });
        published.EnsureSuccessStatusCode();
        return $"{id}:schedule";
    }

    /// <summary>A trigger as the API shows it (GET /api/triggers/{id}).</summary>
    public static async Task<JsonObject> ReadTriggerAsync(this DesignerServer server, string triggerId)
    {
        using var client = server.Client();
        return (await client.GetFromJsonAsync<JsonObject>($"/api/triggers/{Uri.EscapeDataString(triggerId)}"))!;
    }
}
