using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Logging;

[TestFixture]
public sealed class ServerLoggingTests
{
    [Test]
    public async Task Requests_are_logged_to_the_rolling_file_with_route_ids_and_never_the_key()
    {
        var dataDirectory = ServerHarness.NewDataDirectory();
        string instanceId, definitionId;
        await using (var server = await ServerHarness.StartAsync(
            new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" }, dataDirectory: dataDirectory))
        {
            using var api = server.Client();
            definitionId = await api.PublishAsync(Flows.Greeting());
            instanceId = (await api.StartAsync(definitionId, new { name = "Log" }))["id"]!.GetValue<string>();
            await Http.ReadAsync(await api.GetAsync($"/api/workflow-instances/{instanceId}"), 200);
        }

        var file = Directory.GetFiles(Path.Combine(dataDirectory, "logs"), "automation-*.json").Single();
        var events = (await File.ReadAllLinesAsync(file)).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        var requests = events.Where(e => e["SourceContext"]?.GetValue<string>() == "Serilog.AspNetCore.RequestLoggingMiddleware").ToList();
        Assert.That(requests, Is.Not.Empty, "one event per request");
        var detail = requests.Single(e => e["RequestPath"]?.GetValue<string>() == $"/api/workflow-instances/{instanceId}");
        Assert.That(detail["InstanceId"]?.GetValue<string>(), Is.EqualTo(instanceId));
        Assert.That(detail["StatusCode"]?.GetValue<int>(), Is.EqualTo(200));
        Assert.That(detail["UserName"]?.GetValue<string>(), Is.EqualTo("bootstrap-admin"));
        var start = requests.Single(e => e["RequestPath"]?.GetValue<string>() == $"/api/workflow-definitions/{definitionId}/instances");
        Assert.That(start["WorkflowId"]?.GetValue<string>(), Is.EqualTo(definitionId));
        Assert.That(await File.ReadAllTextAsync(file), Does.Not.Contain(ServerHarness.AdminKey));
        Directory.Delete(dataDirectory, recursive: true);
    }
}
