using Automation.Bots.Browser.Hosting;
using Automation.Bots.Browser.Sessions;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Credentials;
using Automation.Engine.Documents;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bots.Browser.Tests.Support;

/// <summary>An engine on a fresh in-memory store with the browser activities, documents and a credential vault, on the shared browser.</summary>
public static class BrowserEngine
{
    /// <summary>A new engine; the caller disposes it.</summary>
    public static EngineHarness Create() => EngineHarness.Create(services: s =>
    {
        s.AddSingleton(SharedBrowser.Pool);
        s.AddBrowserBots();
        s.AddSingleton(ActivityRegistry.Create(typeof(BrowserPool).Assembly));
        s.AddSingleton<IDocumentStore>(new InMemoryDocumentStore(TimeProvider.System));
        s.AddSingleton<ICredentialStore>(new InMemoryCredentialStore());
        s.AddSingleton<ISecretProtector>(new AesGcmSecretProtector(AesGcmSecretProtector.NewKey()));
        s.AddSingleton<CredentialVault>();
    });

    /// <summary>The engine's document store.</summary>
    public static IDocumentStore Documents(this EngineHarness engine) => engine.Services.GetRequiredService<IDocumentStore>();

    /// <summary>The engine's browser sessions.</summary>
    public static BrowserSessions Sessions(this EngineHarness engine) => engine.Services.GetRequiredService<BrowserSessions>();

    /// <summary>Saves a credential in the engine's vault.</summary>
    public static Task SaveCredentialAsync(this EngineHarness engine, string name, string username, string password) =>
        engine.Services.GetRequiredService<CredentialVault>().SaveAsync(
            new CredentialInput(name, "usernamePassword", null, new() { ["username"] = username }, new Dictionary<string, string?> { ["password"] = password }), "test");
}
