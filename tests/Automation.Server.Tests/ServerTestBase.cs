namespace Automation.Server.Tests;

/// <summary>A fixture that owns one real server (fresh SQLite data directory) and an admin client for its tests.</summary>
internal abstract class ServerTestBase
{
    /// <summary>The running server.</summary>
    protected ServerHarness Server { get; private set; } = null!;

    /// <summary>A client with the bootstrap admin key.</summary>
    protected HttpClient Api { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        Server = await ServerHarness.StartAsync();
        Api = Server.Client();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        Api.Dispose();
        await Server.DisposeAsync();
    }
}
