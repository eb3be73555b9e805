using Automation.Engine.Runtime;
using Automation.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Automation.Server.Tests.Hosting;

/// <summary>Options bound from configuration, without starting a server.</summary>
[TestFixture]
public sealed class ConfigurationTests
{
    [Test]
    public async Task Automation_section_binds_with_defaults()
    {
        await using var app = AutomationServerHost.Create([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Automation:Store"] = "memory",
            ["Automation:Runtime:LeaseDuration"] = "00:00:45",
            ["Automation:Samples:Load"] = "false",
        }));
        var options = app.Services.GetRequiredService<IOptions<AutomationOptions>>().Value;
        Assert.That(options.Store, Is.EqualTo(StoreKind.Memory));
        Assert.That(options.DataDirectory, Is.EqualTo("./data"));
        Assert.That(options.Samples.Load, Is.False);
        Assert.That(options.Auth.CacheDuration, Is.EqualTo(TimeSpan.FromSeconds(30)));
        var runtime = app.Services.GetRequiredService<IOptions<RuntimeOptions>>().Value;
        Assert.That(runtime.LeaseDuration, Is.EqualTo(TimeSpan.FromSeconds(45)));
        Assert.That(runtime.SingleNode, Is.True);
    }

    [Test]
    public void Postgres_without_a_connection_string_fails_at_start_up_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AutomationServerHost.Create([], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Automation:Store"] = "postgres" })));
        Assert.That(error!.Message, Does.Contain("ConnectionString"));
    }
}
