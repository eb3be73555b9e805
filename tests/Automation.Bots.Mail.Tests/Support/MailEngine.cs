using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Bots.Mail.Accounts;
using Automation.Engine.Credentials;
using Automation.Engine.Hosting;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Runtime;
using Automation.Engine.Validation;
using Automation.Engine.Activities.Framework;
using Automation.Testing.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Automation.Bots.Mail.Tests.Support;

/// <summary>
/// The real engine with the mail module, as the server wires it: in-memory stores, a credential vault with a fresh
/// master key, and every log line the engine writes kept in <see cref="Logs"/> (to check no secret reaches them).
/// Each test creates its own.
/// </summary>
public sealed class MailEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CapturingLoggerProvider _logs = new();

    /// <param name="trustedAuthorities">PEM files of certificate authorities to trust for mail servers (Automation:Mail:TrustedCertificateAuthorities).</param>
    public MailEngine(params string[] trustedAuthorities)
    {
        var store = new InMemoryStore(TimeProvider.System);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IDefinitionStore>(new InMemoryDefinitionStore(store));
        services.AddSingleton<IInstanceStore>(new InMemoryInstanceStore(store));
        services.AddSingleton<ITaskStore>(new InMemoryTaskStore(store));
        services.AddSingleton<ICredentialStore>(new InMemoryCredentialStore());
        services.AddSingleton<ISecretProtector>(new AesGcmSecretProtector(AesGcmSecretProtector.NewKey()));
        services.AddSingleton<CredentialVault>();
        services.AddSingleton<Automation.Engine.Documents.IDocumentStore>(new InMemoryDocumentStore(TimeProvider.System));
        services.AddWorkflowEngine(configure: null, MailActivities.Assembly);
        services.Configure<MailSecurityOptions>(o => o.TrustedCertificateAuthorities = [.. trustedAuthorities]);
        services.AddMailServerTrust();
        _services = services.BuildServiceProvider();
    }

    public IWorkflowRuntime Runtime => _services.GetRequiredService<IWorkflowRuntime>();
    public CredentialVault Vault => _services.GetRequiredService<CredentialVault>();
    public ActivityRegistry Registry => _services.GetRequiredService<ActivityRegistry>();
    public Automation.Engine.Documents.IDocumentStore Documents => _services.GetRequiredService<Automation.Engine.Documents.IDocumentStore>();

    /// <summary>Every log line written so far, with exceptions, as one text.</summary>
    public string Logs => string.Join("\n", _logs.Lines);

    /// <summary>Stores a mailServer credential for <paramref name="mailbox"/>: submission port to send, IMAP port to read.</summary>
    public async Task SaveAccountAsync(string name, MailServer server, TestMailbox mailbox, int port, string? password = null, string security = "none")
    {
        await Vault.SaveAsync(new CredentialInput(name, "mailServer", null,
            new JsonObject { ["host"] = server.Host, ["port"] = port, ["security"] = security, ["username"] = mailbox.UserName },
            new Dictionary<string, string?> { ["password"] = password ?? mailbox.Password }), "test");
    }

    /// <summary>Validates (failing the test on errors), publishes and runs <paramref name="definition"/> until it ends or waits.</summary>
    public async Task<WorkflowInstance> RunAsync(WorkflowDefinition definition, JsonObject? input = null)
    {
        var errors = new WorkflowValidator(Registry).Validate(definition);
        Assert.That(errors, Is.Empty, "The test's own definition is invalid:\n" + string.Join("\n", errors));
        var definitions = _services.GetRequiredService<IDefinitionStore>();
        await definitions.SaveDraftAsync(definition, "test");
        await definitions.PublishAsync(definition.Id, null, "test");
        return await Runtime.StartAsync(new StartRequest { DefinitionId = definition.Id, Input = input, Wait = true });
    }

    /// <summary>The instance's whole journal as JSON text (what the API and the console show).</summary>
    public async Task<string> JournalTextAsync(string instanceId) =>
        JsonSerializer.Serialize(await _services.GetRequiredService<IInstanceStore>().GetJournalAsync(instanceId, 0, 100_000));

    /// <summary>A definition: Start, then one activity of <paramref name="type"/> with <paramref name="inputs"/>.</summary>
    public static WorkflowDefinition OneStep(string id, string type, JsonObject inputs, RetryPolicy? retry = null, params WorkflowParameter[] parameters)
    {
        var step = new ActivityNode { Id = "step", Type = type, Retry = retry };
        foreach (var (name, value) in inputs) step.Inputs[name] = value?.DeepClone();
        return new WorkflowDefinition
        {
            Id = id,
            Name = id,
            Inputs = [.. parameters],
            Activities = [new ActivityNode { Id = "start", Type = "Start" }, step],
            Connections = [new Connection { Source = "start", Outcome = Outcomes.Done, Target = "step" }],
        };
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}

/// <summary>Expression objects as written in definitions.</summary>
public static class Expr
{
    /// <summary><c>{"$liquid": template}</c>.</summary>
    public static JsonObject Liquid(string template) => new() { ["$liquid"] = template };

    /// <summary><c>{"$js": code}</c>.</summary>
    public static JsonObject Js(string code) => new() { ["$js"] = code };
}

/// <summary>What a user reads on a faulted instance.</summary>
public static class InstanceReading
{
    /// <summary>The message of the instance's one incident (the step's own words, without the engine's "Activity ... failed" prefix).</summary>
    public static string IncidentMessage(WorkflowInstance instance)
    {
        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Faulted), "expected the instance to fault");
        return instance.State.Incidents.Single().Message;
    }
}
