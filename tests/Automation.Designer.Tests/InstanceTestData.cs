using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Automation.Designer.Tests.Support;
using Microsoft.Playwright;

namespace Automation.Designer.Tests;

/// <summary>
/// Workflows and instances for the operations console tests, arranged through the API with the admin key. Every
/// definition gets a unique id, so the tests of one fixture (one server) never see each other's instances in a filter.
/// </summary>
internal static class InstanceTestData
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static JsonObject Flow(string id, string name, JsonArray activities, JsonArray connections) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["inputs"] = new JsonArray(),
        ["outputs"] = new JsonArray(),
        ["variables"] = new JsonArray(new JsonObject { ["name"] = "note", ["default"] = "kept" }),
        ["activities"] = activities,
        ["connections"] = connections,
    };

    private static JsonObject Node(string id, string type, string displayName, JsonObject? inputs = null) =>
        new() { ["id"] = id, ["type"] = type, ["displayName"] = displayName, ["inputs"] = inputs ?? [] };

    private static JsonObject Edge(string from, string to, string outcome = "Done") => new() { ["from"] = from, ["outcome"] = outcome, ["to"] = to };

    /// <summary>Start → Log → End: finishes at once.</summary>
    public static JsonObject Greeting(string id) => Flow(id, "Greeting " + id,
        [Node("start", "Start", "Start"), Node("log", "Log", "Say hello", new JsonObject { ["message"] = "Hello" }), Node("end", "End", "End")],
        [Edge("start", "log"), Edge("log", "end")]);

    /// <summary>Start → WaitForSignal → End: waits until cancelled.</summary>
    public static JsonObject SignalWait(string id) => Flow(id, "Signal wait " + id,
        [Node("start", "Start", "Start"), Node("wait", "WaitForSignal", "Wait for the documents", new JsonObject { ["signal"] = "docs-" + id }), Node("end", "End", "End")],
        [Edge("start", "wait"), Edge("wait", "end")]);

    /// <summary>
    /// Start → HttpRequest to this server for the definition <paramref name="flagId"/> → End. It faults (404) until that
    /// definition exists, so creating it makes a retry succeed.
    /// </summary>
    public static JsonObject Recoverable(string id, string baseUrl, string flagId) => Flow(id, "Recoverable " + id,
        [
            Node("start", "Start", "Start"),
            Node("call", "HttpRequest", "Check the case system", new JsonObject
            {
                ["url"] = $"{baseUrl}/api/workflow-definitions/{flagId}",
                ["headers"] = new JsonObject { ["X-Api-Key"] = DesignerServer.AdminKey },
            }),
            Node("end", "End", "End"),
        ],
        [Edge("start", "call"), Edge("call", "end")]);

    /// <summary>Start → HumanTask for the operator role (Approve/Reject, a required comment) → Log per outcome → End.</summary>
    public static JsonObject Approval(string id, string title, string? dueAt = null)
    {
        var task = new JsonObject
        {
            ["title"] = title,
            ["description"] = "Check the request and say whether it may go ahead.",
            ["role"] = "operator",
            ["outcomes"] = new JsonArray("Approve", "Reject"),
            ["formSchema"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("comment"),
                ["properties"] = new JsonObject
                {
                    ["comment"] = new JsonObject { ["type"] = "string", ["title"] = "Comment", ["description"] = "Why you decided this.", ["maxLength"] = 500 },
                    ["priority"] = new JsonObject { ["type"] = "string", ["title"] = "Priority", ["enum"] = new JsonArray("Low", "Normal", "High"), ["default"] = "Normal" },
                    ["urgent"] = new JsonObject { ["type"] = "boolean", ["title"] = "Urgent" },
                },
            },
        };
        if (dueAt is not null) task["dueAt"] = dueAt;
        return Flow(id, "Approval " + id,
            [
                Node("start", "Start", "Start"),
                Node("ask", "HumanTask", "Ask for approval", task),
                Node("yes", "Log", "Record approval", new JsonObject { ["message"] = "Approved" }),
                Node("no", "Log", "Record rejection", new JsonObject { ["message"] = "Rejected" }),
                Node("end1", "End", "End"),
                Node("end2", "End", "End"),
            ],
            [Edge("start", "ask"), Edge("ask", "yes", "Approve"), Edge("ask", "no", "Reject"), Edge("yes", "end1"), Edge("no", "end2")]);
    }

    /// <summary>Start → HumanTask for anyone with the form <paramref name="formSchema"/> (one outcome, Done) → End.</summary>
    public static JsonObject FormTask(string id, string title, JsonObject formSchema) => Flow(id, "Form " + id,
        [
            Node("start", "Start", "Start"),
            Node("fill", "HumanTask", "Fill in the form", new JsonObject { ["title"] = title, ["formSchema"] = formSchema }),
            Node("end", "End", "End"),
        ],
        [Edge("start", "fill"), Edge("fill", "end")]);

    /// <summary>Start → RunWorkflow (the published <paramref name="childId"/>) → End: waits while the child runs.</summary>
    public static JsonObject RunChild(string id, string childId) => Flow(id, "Parent " + id,
        [Node("start", "Start", "Start"), Node("run", "RunWorkflow", "Check the address", new JsonObject { ["workflowId"] = childId }), Node("end", "End", "End")],
        [Edge("start", "run"), Edge("run", "end")]);

    /// <summary>Creates and publishes <paramref name="definition"/>; returns its id.</summary>
    public static async Task<string> PublishAsync(this DesignerServer server, JsonObject definition)
    {
        using var client = server.Client();
        var id = definition["id"]!.GetValue<string>();
        (await client.PostAsJsonAsync("/api/workflow-definitions", definition)).EnsureSuccessStatusCode();
        using var published = await client.PostAsJsonAsync($"/api/workflow-definitions/{id}/publish", new { comment = "test" });
        Assert.That((int)published.StatusCode, Is.EqualTo(200), await published.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Starts an instance and waits until it finishes, faults or waits; returns it.</summary>
    public static async Task<JsonObject> StartAsync(this DesignerServer server, string definitionId, string? correlationId = null)
    {
        using var client = server.Client();
        using var response = await client.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/instances?wait=true", new { input = new { }, correlationId });
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The open task of an instance.</summary>
    public static async Task<JsonObject> TaskOfAsync(this DesignerServer server, string instanceId)
    {
        using var client = server.Client();
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instanceId}");
        return page!["items"]!.AsArray().Single()!.AsObject();
    }

    /// <summary>The instance as the API shows it now.</summary>
    public static async Task<JsonObject> InstanceAsync(this DesignerServer server, string instanceId)
    {
        using var client = server.Client();
        return (await client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{instanceId}"))!;
    }
}
