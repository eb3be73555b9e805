using Automation.Engine.Credentials;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Activities;

public class HttpRequestTests
{
    [Test]
    public async Task A_get_returns_status_headers_and_the_parsed_json_body()
    {
        await using var server = TestHttpServer.Start(_ => TestResponse.Json("""{ "name": "Ada", "invoices": [10, 20, 30] }"""));
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("http-get")
            .Output("total")
            .Start()
            .Activity("fetch", "HttpRequest", new JsonObject { ["url"] = server.Url("/customers/7") })
            .Set("sum", "total", Expr.Js("activities.fetch.output.body.invoices.reduce((s, n) => s + n, 0)"))
            .Chain("start", "fetch", "sum")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        var output = instance.OutputOf("fetch")!;
        Assert.That(output["status"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(output["headers"]!["Content-Type"]!.GetValue<string>(), Does.StartWith("application/json"));
        Assert.That(output["body"]!["name"]!.GetValue<string>(), Is.EqualTo("Ada"));
        Assert.That(instance.Output!["total"]!.GetValue<long>(), Is.EqualTo(60));
        Assert.That(server.Requests.Single(), Has.Property("Method").EqualTo("GET").And.Property("Path").EqualTo("/customers/7"));
    }

    [Test]
    public async Task A_post_sends_the_body_as_json_with_the_headers_given()
    {
        await using var server = TestHttpServer.Start(_ => new TestResponse(201, "created", "text/plain"));
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("http-post")
            .Input("reference", ValueTypes.String)
            .Start()
            .Activity("send", "HttpRequest", new JsonObject
            {
                ["method"] = "POST",
                ["url"] = server.Url("/orders"),
                ["headers"] = new JsonObject { ["X-Request-Id"] = Expr.Liquid("{{ input.reference }}") },
                ["body"] = Expr.Js("({ reference: input.reference, lines: [{ amount: 12.5 }] })"),
            })
            .Chain("start", "send")
            .Build();

        var instance = await engine.RunAsync(flow, new JsonObject { ["reference"] = "PO-42" });

        instance.AssertStatus(WorkflowStatus.Finished);
        var request = server.Requests.Single();
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.ContentType, Does.StartWith("application/json"));
        var sent = JsonNode.Parse(request.Body)!;
        Assert.That(sent["reference"]!.GetValue<string>(), Is.EqualTo("PO-42"));
        Assert.That(sent["lines"]![0]!["amount"]!.GetValue<double>(), Is.EqualTo(12.5));
        Assert.That(instance.OutputOf("send")!["status"]!.GetValue<int>(), Is.EqualTo(201));
        Assert.That(instance.OutputOf("send")!["body"]!.GetValue<string>(), Is.EqualTo("created"));
    }

    [Test]
    public async Task A_text_body_is_sent_as_plain_text()
    {
        await using var server = TestHttpServer.Start(_ => new TestResponse(204));
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("http-text")
            .Start()
            .Activity("send", "HttpRequest", new JsonObject { ["method"] = "PUT", ["url"] = server.Url("/note"), ["body"] = "hello" })
            .Chain("start", "send")
            .Build();

        (await engine.RunAsync(flow)).AssertStatus(WorkflowStatus.Finished);

        Assert.That(server.Requests.Single().Body, Is.EqualTo("hello"));
        Assert.That(server.Requests.Single().ContentType, Does.StartWith("text/plain"));
    }

    [Test]
    public async Task An_error_status_faults_the_step_and_its_retry_policy_applies()
    {
        await using var server = TestHttpServer.Start(_ => new TestResponse(500, "boom", "text/plain"));
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("http-500")
            .Start()
            .Activity("call", "HttpRequest", new JsonObject { ["url"] = server.Url("/fail") },
                retry: new RetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(5), Jitter = 0 })
            .Chain("start", "call")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(server.Requests, Has.Count.EqualTo(2));
        var incident = instance.State.Incidents.Single();
        Assert.That(incident.Message, Does.Contain("answered 500"));
        Assert.That(incident.Attempts, Is.EqualTo(2));
        Assert.That(incident.ErrorType, Is.EqualTo(nameof(HttpRequestException)));
    }

    [Test]
    public async Task With_fail_on_error_status_off_an_error_status_is_an_output_to_route_on()
    {
        await using var server = TestHttpServer.Start(_ => TestResponse.Json("""{ "error": "not found" }""", 404));
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("http-404")
            .Start()
            .Activity("call", "HttpRequest", new JsonObject { ["url"] = server.Url("/x"), ["failOnErrorStatus"] = false })
            .Activity("found", "Decision", new JsonObject { ["condition"] = Expr.Js("activities.call.output.status < 400") })
            .Log("missing", Expr.Liquid("missing: {{ activities.call.output.body.error }}"))
            .Connect("start", "call").Connect("call", "found").Connect("found", "missing", "False")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "missing: not found" }));
    }

    [Test]
    public async Task A_server_slower_than_the_timeout_faults_the_step_with_a_clear_message()
    {
        await using var server = TestHttpServer.Start(async (_, stopping) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), stopping);
            return TestResponse.Json("{}");
        });
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("http-timeout")
            .Start()
            .Activity("call", "HttpRequest", new JsonObject { ["url"] = server.Url("/slow"), ["timeout"] = "00:00:00.2" })
            .Chain("start", "call")
            .Build();

        var started = DateTime.UtcNow;
        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(instance.State.Incidents.Single().Message, Is.EqualTo($"GET {server.Url("/slow")} did not answer within 0.2 s."));
        Assert.That(instance.State.Incidents.Single().ErrorType, Is.EqualTo(nameof(TimeoutException)));
    }

    [Test]
    public async Task An_address_that_is_not_http_faults_without_retry()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("http-bad-url")
            .Start()
            .Activity("call", "HttpRequest", new JsonObject { ["url"] = "file:///etc/passwd" },
                retry: new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(1) })
            .Chain("start", "call")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.FaultMessage, Does.Contain("is not an absolute http or https address"));
        Assert.That(instance.State.Incidents.Single().Attempts, Is.EqualTo(1));
    }
}

public class HttpRequestCredentialTests
{
    private static EngineHarness WithVault(out CredentialVault vault)
    {
        var store = new Automation.Engine.Persistence.InMemory.InMemoryCredentialStore();
        var created = new CredentialVault(store, new AesGcmSecretProtector(AesGcmSecretProtector.NewKey()), TimeProvider.System);
        vault = created;
        return EngineHarness.Create(services: s => s.AddSingleton(created));
    }

    private static WorkflowDefinition Call(string url, string credential) => Flow.Create("http-signed-" + credential)
        .Start()
        .Activity("call", "HttpRequest", new JsonObject { ["url"] = url, ["credential"] = credential })
        .Chain("start", "call")
        .Build();

    [Test]
    public async Task A_user_name_and_password_credential_signs_the_request_with_basic_authentication_and_stays_out_of_the_journal()
    {
        await using var server = TestHttpServer.Start(_ => TestResponse.Json("{}"));
        await using var engine = WithVault(out var vault);
        await vault.SaveAsync(new CredentialInput("finance", "usernamePassword", null, new JsonObject { ["username"] = "ap-bot" },
            new Dictionary<string, string?> { ["password"] = "Pa55word!" }), "admin");

        var instance = await engine.RunAsync(Call(server.Url("/invoices"), "finance"));

        instance.AssertStatus(WorkflowStatus.Finished);
        var authorization = server.Requests.Single().Headers["Authorization"];
        Assert.That(authorization, Is.EqualTo("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ap-bot:Pa55word!"))));
        var journal = await engine.Instances.GetJournalAsync(instance.Id);
        Assert.That(System.Text.Json.JsonSerializer.Serialize(journal), Does.Not.Contain("Pa55word").And.Not.Contain(authorization[6..]));
    }

    [Test]
    public async Task An_api_key_credential_goes_in_its_named_header_or_as_a_bearer_token()
    {
        await using var server = TestHttpServer.Start(_ => TestResponse.Json("{}"));
        await using var engine = WithVault(out var vault);
        await vault.SaveAsync(new CredentialInput("payroll", "apiKey", null, new JsonObject { ["headerName"] = "X-Api-Key" },
            new Dictionary<string, string?> { ["apiKey"] = "k-123" }), "admin");
        await vault.SaveAsync(new CredentialInput("graph", "apiKey", null, null, new Dictionary<string, string?> { ["apiKey"] = "t-456" }), "admin");

        (await engine.RunAsync(Call(server.Url("/a"), "payroll"))).AssertStatus(WorkflowStatus.Finished);
        (await engine.RunAsync(Call(server.Url("/b"), "graph"))).AssertStatus(WorkflowStatus.Finished);

        Assert.That(server.Requests[0].Headers["X-Api-Key"], Is.EqualTo("k-123"));
        Assert.That(server.Requests[1].Headers["Authorization"], Is.EqualTo("Bearer t-456"));
    }

    [Test]
    public async Task An_unknown_credential_faults_the_step_naming_it_and_sends_nothing()
    {
        await using var server = TestHttpServer.Start(_ => TestResponse.Json("{}"));
        await using var engine = WithVault(out _);

        var instance = await engine.RunAsync(Call(server.Url("/x"), "missing"));

        instance.AssertStatus(WorkflowStatus.Faulted);
        Assert.That(instance.FaultMessage, Does.Contain("There is no credential called 'missing'"));
        Assert.That(server.Requests, Is.Empty);
    }
}
