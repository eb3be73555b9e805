using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Api;

/// <summary>The schema, the activity palette and the OpenAPI document.</summary>
[TestFixture]
public sealed class CatalogApiTests
{
    private ServerHarness _server = null!;
    private HttpClient _api = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await ServerHarness.StartAsync();
        _api = _server.Client(await _server.CreateKeyAsync("reader", "bot"));
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Schema_endpoint_serves_the_workflow_schema()
    {
        var response = await _api.GetAsync("/api/schema/workflow");
        var schema = await Http.ReadAsync(response, 200);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/schema+json"));
        Assert.That(schema["$schema"]!.GetValue<string>(), Does.Contain("json-schema.org"));
        Assert.That(schema["title"]!.GetValue<string>(), Is.EqualTo("Workflow definition"));
        Assert.That(schema["properties"]!["activities"], Is.Not.Null);
    }

    [Test]
    public async Task Activities_lists_the_descriptors()
    {
        var activities = await Http.ReadArrayAsync(await _api.GetAsync("/api/activities"), 200);
        var types = activities.Select(a => a!["type"]!.GetValue<string>()).ToList();
        Assert.That(types, Is.SupersetOf(new[] { "Start", "End", "SetVariable", "Log", "Decision", "HumanTask", "WaitForSignal", "Delay" }));
        var decision = activities.Single(a => a!["type"]!.GetValue<string>() == "Decision")!;
        Assert.That(decision["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()), Is.EqualTo(new[] { "True", "False" }));
        Assert.That(decision["inputs"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("condition"));
    }

    [Test]
    public async Task Activities_include_the_mail_module_with_a_credential_input()
    {
        var activities = await Http.ReadArrayAsync(await _api.GetAsync("/api/activities"), 200);

        foreach (var type in new[] { "SendEmail", "ReadMailbox" })
        {
            var activity = activities.Single(a => a!["type"]!.GetValue<string>() == type)!;
            Assert.That(activity["category"]!.GetValue<string>(), Is.EqualTo("Mail"));
            var credential = activity["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "credential")!;
            Assert.That(credential["editor"]!.GetValue<string>(), Is.EqualTo("credential"));
            Assert.That(credential["required"]!.GetValue<bool>(), Is.True);
        }
    }

    [Test]
    public async Task Openapi_document_describes_the_api_and_its_key()
    {
        using var anonymous = _server.Client(apiKey: null);
        var document = await Http.ReadAsync(await anonymous.GetAsync("/openapi/v1.json"), 200);
        Assert.That(document["openapi"]!.GetValue<string>(), Does.StartWith("3."));
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/api/workflow-definitions", "/api/workflow-definitions/{definitionId}/publish", "/api/workflow-instances/{instanceId}",
            "/api/tasks/{taskId}/complete", "/api/signals/{name}", "/api/api-keys",
        }));
        Assert.That(document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>(), Is.EqualTo("X-Api-Key"));
    }

    [Test]
    public async Task Openapi_document_declares_the_problem_answers_and_json_numbers()
    {
        using var anonymous = _server.Client(apiKey: null);
        var document = await Http.ReadAsync(await anonymous.GetAsync("/openapi/v1.json"), 200);

        var retry = document["paths"]!["/api/workflow-instances/{instanceId}/retry"]!["post"]!["responses"]!.AsObject();
        Assert.That(retry.Select(r => r.Key), Is.SupersetOf(new[] { "200", "400", "401", "403", "404", "409" }));
        Assert.That(retry["404"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>(),
            Is.EqualTo("#/components/schemas/ProblemDetails"));
        var list = document["paths"]!["/api/workflow-definitions"]!["get"]!["responses"]!.AsObject().Select(r => r.Key).ToList();
        Assert.That(list, Does.Contain("401").And.Not.Contain("403"), "any role may list definitions, so none is refused for its role");
        var problem = document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!.AsObject();
        Assert.That(problem.Select(p => p.Key), Is.SupersetOf(new[] { "title", "status", "detail", "traceId", "errors" }));

        var version = document["components"]!["schemas"]!["InstanceDetail"]!["properties"]!["definitionVersion"]!;
        Assert.That(version["type"]!.GetValue<string>(), Is.EqualTo("integer"), "numbers are JSON numbers, not strings");
        var bookmark = document["components"]!["schemas"]!["BookmarkView"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.That(bookmark, Does.Contain("id").And.Not.Contain("dueAt"), "a property the API leaves out when null is not required");
        var start = document["components"]!["schemas"]!["StartInstanceRequest"]!.AsObject();
        Assert.That(start["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [], Does.Not.Contain("correlationId"));
    }
}
