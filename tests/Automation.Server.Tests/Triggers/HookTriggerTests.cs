using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Automation.Server.Triggers.Hooks;
using static Automation.Server.Tests.Flows;

namespace Automation.Server.Tests.Triggers;

/// <summary>
/// The HTTP endpoint trigger through the real server: a workflow published with a hook is started by POSTs to
/// /api/hooks/{path} with JSON, form and multipart bodies, checked by API key, shared secret or HMAC signature.
/// </summary>
[TestFixture]
internal sealed class HookTriggerTests : ServerTestBase
{
    private const string Secret = "hook-shared-secret-Zq81x";

    /// <summary>HttpEndpoint(settings) → SetVariable received = input → End; output received.</summary>
    private static JsonObject HookFlow(string path, JsonObject? settings = null, string? id = null)
    {
        var hookSettings = settings ?? [];
        hookSettings["path"] = path;
        return Flow(id ?? NewId("hook"),
            [
                Node("hook", HttpEndpoint.TypeName, hookSettings),
                Node("keep", "SetVariable", new JsonObject { ["variable"] = "received", ["value"] = Js("input") }),
                Node("end", "End"),
            ],
            [Edge("hook", "keep"), Edge("keep", "end")],
            outputs: ["received"]);
    }

    private static string NewPath(string prefix) => $"{prefix}/{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private async Task<JsonObject> InstanceAsync(string instanceId) =>
        await Api.WaitForStatusAsync(instanceId, "finished");

    [Test]
    public async Task A_json_object_posted_with_an_api_key_starts_the_workflow_with_its_fields_headers_and_query()
    {
        var path = NewPath("hr/starters");
        var id = await Api.PublishAsync(HookFlow(path));
        var botKey = await Server.CreateKeyAsync("hr-system", "bot");
        using var bot = Server.Client(botKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hooks/{path.ToUpperInvariant()}/?source=hr")
        {
            Content = new StringContent("""{"employee":"Ada Lovelace","startDate":"2027-01-04","grade":7}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Request-Source", "itrent");

        var response = await bot.SendAsync(request);
        var accepted = await Http.ReadAsync(response, 202);
        var instanceId = accepted["instanceId"]!.GetValue<string>();
        Assert.That(accepted["started"]!.GetValue<bool>(), Is.True);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/workflow-instances/{instanceId}"));

        var instance = await InstanceAsync(instanceId);
        Assert.That(instance["definitionId"]!.GetValue<string>(), Is.EqualTo(id));
        var input = instance["input"]!;
        Assert.That(input["employee"]!.GetValue<string>(), Is.EqualTo("Ada Lovelace"));
        Assert.That(input["grade"]!.GetValue<int>(), Is.EqualTo(7));
        Assert.That(input["query"]!["source"]!.GetValue<string>(), Is.EqualTo("hr"));
        Assert.That(input["headers"]!["x-request-source"]!.GetValue<string>(), Is.EqualTo("itrent"));
        Assert.That(input["headers"]!.AsObject().ContainsKey("x-api-key"), Is.False, "the API key never reaches the workflow");
        Assert.That(instance.ToJsonString(), Does.Not.Contain(botKey));

        var events = await Http.ReadArrayAsync(await Api.GetAsync($"/api/triggers/{id}:hook/events"), 200);
        Assert.That(events.Select(e => e!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "fired" }));
        Assert.That(events[0]!["instanceId"]!.GetValue<string>(), Is.EqualTo(instanceId));
    }

    [Test]
    public async Task Without_an_api_key_or_with_an_unknown_one_the_hook_answers_401()
    {
        var path = NewPath("keyed");
        await Api.PublishAsync(HookFlow(path));
        using var anonymous = Server.Client(apiKey: null);
        var problem = await Http.ReadProblemAsync(await anonymous.PostJsonTextAsync($"/api/hooks/{path}", "{}"), 401);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("X-Api-Key"));
        using var wrong = Server.Client("not-a-real-key");
        await Http.ReadProblemAsync(await wrong.PostJsonTextAsync($"/api/hooks/{path}", "{}"), 401);
    }

    [Test]
    public async Task Other_json_becomes_the_body_field_and_text_is_kept_as_text()
    {
        var path = NewPath("any-json");
        await Api.PublishAsync(HookFlow(path));
        var array = await Http.ReadAsync(await Api.PostJsonTextAsync($"/api/hooks/{path}", "[1, 2, 3]"), 202);
        var instance = await InstanceAsync(array["instanceId"]!.GetValue<string>());
        Assert.That(instance["input"]!["body"]!.ToJsonString(), Is.EqualTo("[1,2,3]"));

        var xml = await Http.ReadAsync(await Api.PostAsync($"/api/hooks/{path}", new StringContent("<case id=\"7\"/>", Encoding.UTF8, "application/xml")), 202);
        instance = await InstanceAsync(xml["instanceId"]!.GetValue<string>());
        Assert.That(instance["input"]!["body"]!.GetValue<string>(), Is.EqualTo("<case id=\"7\"/>"));

        var problem = await Http.ReadProblemAsync(
            await Api.PostAsync($"/api/hooks/{path}", new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new("application/octet-stream") } }), 415);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("application/octet-stream"));
    }

    [Test]
    public async Task Malformed_json_is_400_naming_the_line_and_position()
    {
        var path = NewPath("broken");
        var id = await Api.PublishAsync(HookFlow(path));
        var problem = await Http.ReadProblemAsync(await Api.PostJsonTextAsync($"/api/hooks/{path}", "{\n  \"a\": 1,\n  \"b\": tru\n}"), 400);
        Assert.That(problem["line"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(problem["position"], Is.Not.Null);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("LineNumber: 2"));
        var instances = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances?definitionId={id}"), 200);
        Assert.That(instances["items"]!.AsArray(), Is.Empty, "nothing starts from a body that does not parse");
    }

    [Test]
    public async Task Form_fields_become_input_fields_and_a_repeated_field_an_array()
    {
        var path = NewPath("forms");
        await Api.PublishAsync(HookFlow(path));
        var form = new FormUrlEncodedContent([new("name", "Grace Hopper"), new("team", "payroll"), new("team", "hr")]);
        var accepted = await Http.ReadAsync(await Api.PostAsync($"/api/hooks/{path}", form), 202);
        var input = (await InstanceAsync(accepted["instanceId"]!.GetValue<string>()))["input"]!;
        Assert.That(input["name"]!.GetValue<string>(), Is.EqualTo("Grace Hopper"));
        Assert.That(input["team"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "payroll", "hr" }));
    }

    [Test]
    public async Task Multipart_files_are_saved_as_documents_the_workflow_receives()
    {
        var path = NewPath("uploads");
        await Api.PublishAsync(HookFlow(path));
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 invoice 1042 from Acme Ltd");
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent("INV-1042"), "reference" },
            { new ByteArrayContent(pdf) { Headers = { ContentType = new("application/pdf") } }, "invoice", "inv-1042.pdf" },
        };
        var accepted = await Http.ReadAsync(await Api.PostAsync($"/api/hooks/{path}", multipart), 202);
        var instanceId = accepted["instanceId"]!.GetValue<string>();
        var input = (await InstanceAsync(instanceId))["input"]!;
        Assert.That(input["reference"]!.GetValue<string>(), Is.EqualTo("INV-1042"));
        var document = input["invoice"]!;
        Assert.That(document["name"]!.GetValue<string>(), Is.EqualTo("inv-1042.pdf"));
        Assert.That(document["contentType"]!.GetValue<string>(), Is.EqualTo("application/pdf"));
        Assert.That(document["size"]!.GetValue<long>(), Is.EqualTo(pdf.Length));

        var documentId = document["documentId"]!.GetValue<string>();
        var stored = await Http.ReadAsync(await Api.GetAsync($"/api/documents/{documentId}"), 200);
        Assert.That(stored["instanceId"]!.GetValue<string>(), Is.EqualTo(instanceId));
        Assert.That(await Api.GetByteArrayAsync($"/api/documents/{documentId}/content"), Is.EqualTo(pdf));
    }

    [Test]
    public async Task A_wait_timeout_returns_200_with_the_output_when_the_workflow_finishes_in_time()
    {
        var path = NewPath("quick");
        await Api.PublishAsync(HookFlow(path, new JsonObject { ["waitTimeout"] = "00:00:20" }));
        var finished = await Http.ReadAsync(await Api.PostJsonTextAsync($"/api/hooks/{path}", """{"reference":"FOI-2027-001"}"""), 200);
        Assert.That(finished["status"]!.GetValue<string>(), Is.EqualTo("finished"));
        Assert.That(finished["output"]!["received"]!["reference"]!.GetValue<string>(), Is.EqualTo("FOI-2027-001"));
    }

    [Test]
    public async Task A_wait_timeout_answers_202_when_the_workflow_stops_to_wait()
    {
        var path = NewPath("slow");
        var flow = Flow(NewId("hookwait"),
            [
                Node("hook", HttpEndpoint.TypeName, new JsonObject { ["path"] = path, ["waitTimeout"] = 20 }),
                Node("wait", "WaitForSignal", new JsonObject { ["signal"] = "never-" + Guid.NewGuid().ToString("N") }),
                Node("end", "End"),
            ],
            [Edge("hook", "wait"), Edge("wait", "end")]);
        await Api.PublishAsync(flow);
        var accepted = await Http.ReadAsync(await Api.PostJsonTextAsync($"/api/hooks/{path}", "{}"), 202);
        Assert.That(accepted["status"]!.GetValue<string>(), Is.EqualTo("suspended"));
        Assert.That(accepted["output"], Is.Null);
    }

    [Test]
    public async Task A_shared_secret_hook_accepts_the_right_secret_and_answers_401_otherwise()
    {
        await SaveCredentialAsync("hook-secret", "other", new { secret = Secret });
        var path = NewPath("secret");
        var id = await Api.PublishAsync(HookFlow(path, new JsonObject { ["authentication"] = "sharedSecret", ["credential"] = "hook-secret" }));
        using var anonymous = Server.Client(apiKey: null);

        var good = await Http.ReadAsync(await SendAsync(anonymous, path, "{\"n\":1}", ("X-Hook-Secret", Secret)), 202);
        var input = (await InstanceAsync(good["instanceId"]!.GetValue<string>()))["input"]!;
        Assert.That(input["headers"]!.AsObject().ContainsKey("x-hook-secret"), Is.False, "the secret never reaches the workflow");

        var wrong = await Http.ReadProblemAsync(await SendAsync(anonymous, path, "{\"n\":2}", ("X-Hook-Secret", Secret + "x")), 401);
        Assert.That(wrong["detail"]!.GetValue<string>(), Does.Contain("does not match"));
        Assert.That(wrong.ToJsonString(), Does.Not.Contain(Secret));
        var missing = await Http.ReadProblemAsync(await SendAsync(anonymous, path, "{\"n\":3}"), 401);
        Assert.That(missing["detail"]!.GetValue<string>(), Does.Contain("X-Hook-Secret"));

        var events = await Http.ReadArrayAsync(await Api.GetAsync($"/api/triggers/{id}:hook/events"), 200);
        Assert.That(events.Select(e => e!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "error", "error", "fired" }));
        Assert.That(events.ToJsonString(), Does.Not.Contain(Secret));
    }

    [Test]
    public async Task An_hmac_hook_accepts_a_body_signed_with_the_key_and_refuses_a_changed_body()
    {
        await SaveCredentialAsync("hook-signing", "apiKey", new { apiKey = Secret });
        var path = NewPath("signed");
        var id = await Api.PublishAsync(HookFlow(path, new JsonObject
        {
            ["authentication"] = "hmacSha256", ["credential"] = "hook-signing", ["header"] = "X-Signature",
        }));
        using var anonymous = Server.Client(apiKey: null);
        const string body = """{"action":"opened","number":42}""";
        var signature = HookAuthenticator.Sign(Secret, Encoding.UTF8.GetBytes(body));
        Assert.That(signature, Does.Match("^sha256=[0-9a-f]{64}$"));

        var good = await Http.ReadAsync(await SendAsync(anonymous, path, body, ("X-Signature", signature)), 202);
        var input = (await InstanceAsync(good["instanceId"]!.GetValue<string>()))["input"]!;
        Assert.That(input["number"]!.GetValue<int>(), Is.EqualTo(42));

        var tampered = await Http.ReadProblemAsync(
            await SendAsync(anonymous, path, body.Replace("42", "43", StringComparison.Ordinal), ("X-Signature", signature)), 401);
        Assert.That(tampered["detail"]!.GetValue<string>(), Does.Contain("does not match the body"));
        var malformed = await Http.ReadProblemAsync(await SendAsync(anonymous, path, body, ("X-Signature", "sha256=zz")), 401);
        Assert.That(malformed["detail"]!.GetValue<string>(), Does.Contain("64 hexadecimal digits"));

        var instances = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances?definitionId={id}"), 200);
        Assert.That(instances["items"]!.AsArray(), Has.Count.EqualTo(1), "only the signed request started an instance");
    }

    [Test]
    public async Task A_hook_whose_credential_is_missing_answers_500_and_records_why()
    {
        var path = NewPath("nocred");
        var id = await Api.PublishAsync(HookFlow(path, new JsonObject { ["authentication"] = "sharedSecret", ["credential"] = "no-such-credential" }));
        using var anonymous = Server.Client(apiKey: null);
        await Http.ReadProblemAsync(await SendAsync(anonymous, path, "{}", ("X-Hook-Secret", "anything")), 500);
        var events = await Http.ReadArrayAsync(await Api.GetAsync($"/api/triggers/{id}:hook/events"), 200);
        Assert.That(events[0]!["message"]!.GetValue<string>(), Does.Contain("no-such-credential"));
    }

    [Test]
    public async Task An_unknown_path_is_404()
    {
        var problem = await Http.ReadProblemAsync(await Api.PostJsonTextAsync("/api/hooks/nobody/listens/here", "{}"), 404);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("nobody/listens/here"));
        await Http.ReadProblemAsync(await Api.PostJsonTextAsync("/api/hooks/bad%20path", "{}"), 404);
    }

    [Test]
    public async Task A_second_workflow_cannot_publish_a_path_already_in_use()
    {
        var path = NewPath("taken");
        var first = await Api.PublishAsync(HookFlow(path));
        var second = HookFlow("/" + path.ToUpperInvariant() + "/");
        await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions", second), 201);
        var problem = await Http.ReadProblemAsync(
            await Api.PostAsJsonAsync($"/api/workflow-definitions/{second["id"]}/publish", new { comment = "clash" }), 409);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(path).And.Contain(first));

        // The owner may republish its own path.
        await Http.ReadAsync(await Api.PostAsJsonAsync($"/api/workflow-definitions/{first}/publish", new { comment = "again" }), 200);
    }

    [Test]
    public async Task Invalid_hook_settings_are_refused_naming_the_setting()
    {
        var flow = HookFlow("has space/é", new JsonObject { ["authentication"] = "sharedSecret", ["waitTimeout"] = "00:10:00" });
        var problem = await Http.ReadAsync(await Api.PostAsJsonAsync("/api/workflow-definitions/validate", flow), 200);
        Assert.That(problem["valid"]!.GetValue<bool>(), Is.False);
        var fields = problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToArray();
        Assert.That(fields, Is.SupersetOf(new[] { "inputs.path", "inputs.credential", "inputs.waitTimeout" }), problem.ToJsonString());
    }

    [Test]
    public async Task The_same_idempotency_key_starts_one_instance()
    {
        var path = NewPath("once");
        var id = await Api.PublishAsync(HookFlow(path));
        var first = await Http.ReadAsync(await SendAsync(Api, path, """{"case":1}""", ("Idempotency-Key", "case-1-attempt")), 202);
        var retry = await Http.ReadAsync(await SendAsync(Api, path, """{"case":1}""", ("Idempotency-Key", "case-1-attempt")), 202);
        var other = await Http.ReadAsync(await SendAsync(Api, path, """{"case":2}""", ("Idempotency-Key", "case-2")), 202);

        Assert.That(retry["instanceId"]!.GetValue<string>(), Is.EqualTo(first["instanceId"]!.GetValue<string>()));
        Assert.That(first["started"]!.GetValue<bool>(), Is.True);
        Assert.That(retry["started"]!.GetValue<bool>(), Is.False);
        Assert.That(other["instanceId"]!.GetValue<string>(), Is.Not.EqualTo(first["instanceId"]!.GetValue<string>()));
        var instances = await Http.ReadAsync(await Api.GetAsync($"/api/workflow-instances?definitionId={id}"), 200);
        Assert.That(instances["items"]!.AsArray(), Has.Count.EqualTo(2));
        var events = await Http.ReadArrayAsync(await Api.GetAsync($"/api/triggers/{id}:hook/events"), 200);
        Assert.That(events.Select(e => e!["kind"]!.GetValue<string>()), Is.EquivalentTo(new[] { "fired", "duplicate", "fired" }));
    }

    [Test]
    public async Task A_paused_hook_answers_503_with_retry_after_and_starts_again_when_resumed()
    {
        var path = NewPath("pausable");
        var id = await Api.PublishAsync(HookFlow(path));
        await Http.ReadAsync(await Api.PostAsync($"/api/triggers/{id}:hook/pause", null), 200);
        var response = await Api.PostJsonTextAsync($"/api/hooks/{path}", "{}");
        await Http.ReadProblemAsync(response, 503);
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(60)));

        await Http.ReadAsync(await Api.PostAsync($"/api/triggers/{id}:hook/resume", null), 200);
        await Http.ReadAsync(await Api.PostJsonTextAsync($"/api/hooks/{path}", "{}"), 202);
    }

    private async Task SaveCredentialAsync(string name, string kind, object secrets)
    {
        var response = await Api.PutAsJsonAsync($"/api/credentials/{name}", new { kind, secrets });
        Assert.That((int)response.StatusCode, Is.AnyOf(200, 201), await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hooks/{path}")
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return client.SendAsync(request);
    }
}
