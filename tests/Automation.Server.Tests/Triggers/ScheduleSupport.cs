using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Triggers;

/// <summary>Scheduled workflows for the tests and the reads the tests make of what they started.</summary>
internal static class ScheduleSupport
{
    /// <summary>Every second (Quartz cron with seconds).</summary>
    public const string EverySecond = "* * * * * ?";

    /// <summary>Schedule(settings) → SetVariable greeting = 'Hello ' + input.name → End; output greeting.</summary>
    public static JsonObject ScheduledGreeting(string id, JsonObject settings) => Flows.Flow(id,
        [
            Flows.Node("every", "Schedule", settings),
            Flows.Node("set", "SetVariable", new JsonObject { ["variable"] = "greeting", ["value"] = Flows.Js("'Hello ' + input.name") }),
            Flows.Node("end", "End"),
        ],
        [Flows.Edge("every", "set"), Flows.Edge("set", "end")],
        outputs: ["greeting"],
        inputs: [new JsonObject { ["name"] = "name", ["type"] = "string", ["required"] = true }]);

    /// <summary>Settings of a cron schedule that passes <c>name</c> to the workflow.</summary>
    public static JsonObject Cron(string expression, string name = "scheduler") =>
        new() { ["cron"] = expression, ["input"] = new JsonObject { ["name"] = name } };

    /// <summary>The ids of the definition's instances (up to 500).</summary>
    public static async Task<IReadOnlyList<string>> InstanceIdsAsync(HttpClient api, string definitionId)
    {
        var page = await api.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?definitionId={definitionId}&pageSize=500");
        return page!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();
    }

    /// <summary>Polls until the definition has at least <paramref name="count"/> instances; returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> WaitForInstancesAsync(HttpClient api, string definitionId, int count, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        IReadOnlyList<string> ids = [];
        while (DateTime.UtcNow < deadline)
        {
            ids = await InstanceIdsAsync(api, definitionId);
            if (ids.Count >= count) return ids;
            await Task.Delay(200);
        }
        Assert.Fail($"{definitionId} had {ids.Count} instance(s) after {seconds} s; expected at least {count}.");
        return ids;
    }

    /// <summary>The instance, once finished.</summary>
    public static Task<JsonObject> FinishedAsync(HttpClient api, string instanceId) => api.WaitForStatusAsync(instanceId, "finished");

    /// <summary>The trigger's events, newest first.</summary>
    public static async Task<JsonArray> EventsAsync(HttpClient api, string triggerId) =>
        await Http.ReadArrayAsync(await api.GetAsync($"/api/triggers/{Uri.EscapeDataString(triggerId)}/events?limit=500"), 200);

    /// <summary>The schedule's entry in <c>GET /api/schedules</c>.</summary>
    public static async Task<JsonObject> ScheduleAsync(HttpClient api, string triggerId, int count = 5)
    {
        var all = await Http.ReadArrayAsync(await api.GetAsync($"/api/schedules?count={count}"), 200);
        return all.Single(s => s!["triggerId"]!.GetValue<string>() == triggerId)!.AsObject();
    }
}
