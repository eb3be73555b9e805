using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Serialization;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Runtime;

/// <summary>The value of a secret variable never appears in clear in the journal.</summary>
public class SecretMaskingTests
{
    private static async Task<string> JournalTextAsync(EngineHarness engine, string instanceId) =>
        JsonSerializer.Serialize(await engine.JournalAsync(instanceId), EngineJson.Options);

    [Test]
    public async Task A_log_that_prints_a_secret_shows_stars()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("secret-default")
            .Variable("apiToken", "tok-4711-very-secret", ValueTypes.String, secret: true)
            .Start()
            .Log("leak", Expr.Liquid("Calling the register with {{ variables.apiToken }}"))
            .Set("copy", "apiToken", Expr.Js("variables.apiToken"))
            .Chain("start", "leak", "copy")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.LogMessages(), Is.EqualTo(new[] { "Calling the register with ***" }));
        Assert.That(await JournalTextAsync(engine, instance.Id), Does.Not.Contain("tok-4711-very-secret"));
        Assert.That(instance.Variable("apiToken")!.GetValue<string>(), Is.EqualTo("tok-4711-very-secret"), "the value itself is kept for the steps that use it");
    }

    [Test]
    public async Task A_secret_set_during_the_run_is_masked_in_every_journal_entry()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("secret-set")
            .Variable("password", type: ValueTypes.String, secret: true)
            .Start()
            .Set("choose", "password", Expr.Js("'pw-' + 'correct-horse-battery'"))
            .Log("leak", Expr.Js("'password is ' + variables.password"))
            .Chain("start", "choose", "leak")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That((await engine.JournalAsync(instance.Id)).LogMessages(), Is.EqualTo(new[] { "password is ***" }));
        Assert.That(await JournalTextAsync(engine, instance.Id), Does.Not.Contain("correct-horse-battery"));
    }

    [Test]
    public async Task An_access_token_fetched_into_a_secret_and_sent_on_is_masked_in_every_journal_entry()
    {
        await using var server = TestHttpServer.Start(r => r.Path == "/token"
            ? TestResponse.Json("""{ "access_token": "eyJ-token-5f3a9c" }""")
            : TestResponse.Json("""{ "ok": true }"""));
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("secret-token")
            .Variable("token", type: ValueTypes.String, secret: true)
            .Start()
            .Activity("login", "HttpRequest", new JsonObject { ["method"] = "POST", ["url"] = server.Url("/token") })
            .Set("keep", "token", Expr.Js("activities.login.output.body.access_token"))
            .Activity("call", "HttpRequest", new JsonObject
            {
                ["url"] = server.Url("/cases"),
                ["headers"] = Expr.Js("({ Authorization: 'Bearer ' + variables.token })"),
            })
            .Chain("start", "login", "keep", "call")
            .Build();

        var instance = await engine.RunAsync(flow);

        instance.AssertStatus(WorkflowStatus.Finished);
        Assert.That(server.Requests.Last().Headers["Authorization"], Is.EqualTo("Bearer eyJ-token-5f3a9c"), "the real value is sent");
        Assert.That(await JournalTextAsync(engine, instance.Id), Does.Not.Contain("eyJ-token-5f3a9c"));
    }

    [Test]
    public async Task A_secret_input_is_masked_in_the_journal_from_the_start()
    {
        await using var engine = EngineHarness.Create();
        var flow = Flow.Create("secret-input")
            .Start()
            .Log("leak", Expr.Liquid("Signing in with {{ input.password }}"))
            .Chain("start", "leak")
            .Build();
        flow.Inputs.Add(new WorkflowParameter { Name = "password", Type = ValueTypes.String, Secret = true });

        var instance = await engine.RunAsync(flow, new JsonObject { ["password"] = "hunter2-hunter2" });

        instance.AssertStatus(WorkflowStatus.Finished);
        var journal = await engine.JournalAsync(instance.Id);
        Assert.That(journal.LogMessages(), Is.EqualTo(new[] { "Signing in with ***" }));
        Assert.That(journal.First().Kind, Is.EqualTo(JournalEventKind.InstanceStarted));
        Assert.That(await JournalTextAsync(engine, instance.Id), Does.Not.Contain("hunter2-hunter2"));
    }
}
