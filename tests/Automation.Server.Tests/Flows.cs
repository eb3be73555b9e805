using System.Text.Json.Nodes;

namespace Automation.Server.Tests;

/// <summary>Workflow definitions for the tests, each with a unique id so tests never share data.</summary>
internal static class Flows
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static JsonObject Flow(string id, JsonArray activities, JsonArray connections, string[]? outputs = null, JsonArray? variables = null,
        JsonArray? inputs = null) => new()
    {
        ["id"] = id,
        ["name"] = "Test " + id,
        ["inputs"] = inputs ?? [],
        ["outputs"] = new JsonArray((outputs ?? []).Select(o => (JsonNode)new JsonObject { ["name"] = o }).ToArray()),
        ["variables"] = variables ?? new JsonArray((outputs ?? []).Select(o => (JsonNode)new JsonObject { ["name"] = o }).ToArray()),
        ["activities"] = activities,
        ["connections"] = connections,
    };

    public static JsonObject Node(string id, string type, JsonObject? inputs = null) =>
        new() { ["id"] = id, ["type"] = type, ["inputs"] = inputs ?? [] };

    public static JsonObject Edge(string from, string to, string outcome = "Done") =>
        new() { ["from"] = from, ["outcome"] = outcome, ["to"] = to };

    public static JsonObject Js(string expression) => new() { ["$js"] = expression };

    /// <summary>Start → SetVariable greeting = 'Hello ' + input.name → End; output greeting; input name required.</summary>
    public static JsonObject Greeting(string? id = null) => Flow(id ?? NewId("greet"),
        [
            Node("start", "Start"),
            Node("set", "SetVariable", new JsonObject { ["variable"] = "greeting", ["value"] = Js("'Hello ' + input.name") }),
            Node("end", "End"),
        ],
        [Edge("start", "set"), Edge("set", "end")],
        outputs: ["greeting"],
        inputs: [new JsonObject { ["name"] = "name", ["type"] = "string", ["required"] = true }]);

    /// <summary>
    /// Start → HumanTask (Approve/Reject, for <paramref name="role"/> and <paramref name="assignee"/>: the operator role
    /// unless given, form with a short comment) → SetVariable decision → End.
    /// </summary>
    public static JsonObject Approval(string? id = null, string? role = "operator", string? assignee = null)
    {
        var ask = new JsonObject
        {
            ["title"] = "Approve the request",
            ["outcomes"] = new JsonArray("Approve", "Reject"),
            ["formSchema"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("comment"),
                ["properties"] = new JsonObject { ["comment"] = new JsonObject { ["type"] = "string", ["maxLength"] = 20 } },
            },
        };
        if (role is not null) ask["role"] = role;
        if (assignee is not null) ask["assignee"] = assignee;
        return Flow(id ?? NewId("approve"),
            [
                Node("start", "Start"),
                Node("ask", "HumanTask", ask),
                Node("approved", "SetVariable", new JsonObject { ["variable"] = "decision", ["value"] = "approved" }),
                Node("rejected", "SetVariable", new JsonObject { ["variable"] = "decision", ["value"] = Js("'rejected: ' + activities.ask.output.data.comment") }),
                Node("end1", "End"),
                Node("end2", "End"),
            ],
            [Edge("start", "ask"), Edge("ask", "approved", "Approve"), Edge("ask", "rejected", "Reject"), Edge("approved", "end1"), Edge("rejected", "end2")],
            outputs: ["decision"]);
    }

    /// <summary>Start → WaitForSignal(signal, correlation input.ref) → SetVariable received = payload → End; a secret variable too.</summary>
    public static JsonObject SignalWait(string signal, string? id = null) => Flow(id ?? NewId("signal"),
        [
            Node("start", "Start"),
            Node("wait", "WaitForSignal", new JsonObject { ["signal"] = signal, ["correlationId"] = Js("input.ref") }),
            Node("keep", "SetVariable", new JsonObject { ["variable"] = "received", ["value"] = Js("activities.wait.output") }),
            Node("end", "End"),
        ],
        [Edge("start", "wait"), Edge("wait", "keep"), Edge("keep", "end")],
        outputs: ["received"],
        variables:
        [
            new JsonObject { ["name"] = "received" },
            new JsonObject { ["name"] = "token", ["default"] = "s3cr3t-value", ["secret"] = true },
            new JsonObject { ["name"] = "plain", ["default"] = "visible" },
        ],
        inputs: [new JsonObject { ["name"] = "ref", ["type"] = "string" }]);

    /// <summary>Start → Fail: the instance faults.</summary>
    public static JsonObject Failing(string? id = null) => Flow(id ?? NewId("fail"),
        [Node("start", "Start"), Node("boom", "Fail", new JsonObject { ["message"] = "Deliberate failure" })],
        [Edge("start", "boom")]);
}
