using System.Net.Http.Json;
using Automation.Engine.Runtime;
using Automation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Automation.Server.Tests.Hosting;

/// <summary>The server on a real PostgreSQL database: migrations at start-up, multi-node runtime settings, a full flow.</summary>
[TestFixture]
public sealed class PostgresServerTests
{
    private PostgresServer _postgres = null!;
    private string _connectionString = "";
    private ServerHarness _server = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _postgres = await PostgresServer.GetAsync();
        _connectionString = await _postgres.CreateDatabaseAsync("server");
        _server = await ServerHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Automation:Store"] = "postgres",
            ["Automation:ConnectionString"] = _connectionString,
        });
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
        await _postgres.DropDatabaseAsync(_connectionString);
    }

    [Test]
    public void Postgres_means_several_nodes()
    {
        Assert.That(_server.Services.GetRequiredService<IOptions<RuntimeOptions>>().Value.SingleNode, Is.False);
    }

    [Test]
    public async Task Health_and_a_task_flow_work_on_postgres()
    {
        using var anonymous = _server.Client(apiKey: null);
        Assert.That(await (await anonymous.GetAsync("/health")).Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));

        using var api = _server.Client();
        var id = await api.PublishAsync(Flows.Approval());
        var instance = await api.StartAsync(id);
        var tasks = await Http.ReadAsync(await api.GetAsync($"/api/tasks?instanceId={instance["id"]}"), 200);
        var task = tasks["items"]![0]!;
        await Http.ReadAsync(await api.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "Approve", data = new { comment = "fine" } }), 200);
        var finished = await api.WaitForStatusAsync(instance["id"]!.GetValue<string>(), "finished");
        Assert.That(finished["output"]!["decision"]!.GetValue<string>(), Is.EqualTo("approved"));
    }
}
