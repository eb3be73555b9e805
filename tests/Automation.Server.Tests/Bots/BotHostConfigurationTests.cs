using Automation.Bots.Browser.Workers;
using Automation.Server.BotHosting;
using Microsoft.Extensions.Configuration;

namespace Automation.Server.Tests.Bots;

/// <summary>Reading <c>Automation:Bots</c>: free-form settings, and bad values refused naming their key.</summary>
[TestFixture]
internal sealed class BotHostConfigurationTests
{
    private static BotHostOptions Bind(Dictionary<string, string?> values)
    {
        var options = new BotHostOptions();
        BotHostConfiguration.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Automation:Bots"), options);
        return options;
    }

    [Test]
    public void Pools_are_read_with_their_settings_as_JSON()
    {
        var options = Bind(new()
        {
            ["Automation:Bots:HeartbeatInterval"] = "00:00:05",
            ["Automation:Bots:Pools:0:Bot"] = "invoice-entry", ["Automation:Bots:Pools:0:Queue"] = "invoices", ["Automation:Bots:Pools:0:Workers"] = "3",
            ["Automation:Bots:Pools:0:Settings:url"] = "http://127.0.0.1:5100", ["Automation:Bots:Pools:0:Settings:login:credential"] = "finance",
            ["Automation:Bots:Pools:0:Settings:codes:0"] = "A", ["Automation:Bots:Pools:0:Settings:codes:1"] = "B",
        });
        Assert.That(options.HeartbeatInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(options.StopGrace, Is.EqualTo(TimeSpan.FromSeconds(30)), "defaults stay");
        var pool = options.Pools.Single();
        Assert.That((pool.Bot, pool.Queue, pool.Workers, pool.DisplayName), Is.EqualTo(("invoice-entry", "invoices", 3, "invoice-entry:invoices")));
        Assert.That(pool.Settings.ToJsonString(), Is.EqualTo("""{"codes":["A","B"],"login":{"credential":"finance"},"url":"http://127.0.0.1:5100"}"""));
    }

    [TestCase("Automation:Bots:Pools:0:Workers", "many", "Automation:Bots:Pools:0:Workers is 'many'; give a whole number from 1 to 50.")]
    [TestCase("Automation:Bots:Pools:0:Workers", "0", "Automation:Bots:Pools:0:Workers is '0'; give a whole number from 1 to 50.")]
    [TestCase("Automation:Bots:HeartbeatInterval", "soon", "Automation:Bots:HeartbeatInterval is 'soon'; give a positive time such as 00:00:10.")]
    [TestCase("Automation:Bots:RegistryRetention", "00:10:00", "Automation:Bots:RegistryRetention is '00:10:00'; give a time of at least an hour such as 7.00:00:00.")]
    [TestCase("Automation:Bots:RegistryCleanupInterval", "0", "Automation:Bots:RegistryCleanupInterval is '0'; give a positive time such as 00:00:10.")]
    [TestCase("Automation:Bots:Enabled", "yes", "Automation:Bots:Enabled is 'yes'; give true or false.")]
    public void A_bad_value_is_refused_naming_its_key(string key, string value, string message)
    {
        var values = new Dictionary<string, string?> { ["Automation:Bots:Pools:0:Bot"] = "b", ["Automation:Bots:Pools:0:Queue"] = "q", [key] = value };
        Assert.That(() => Bind(values), Throws.InvalidOperationException.With.Message.EqualTo(message));
    }

    [Test]
    public void A_pool_without_a_bot_is_refused_naming_the_key() =>
        Assert.That(() => Bind(new() { ["Automation:Bots:Pools:0:Queue"] = "q" }),
            Throws.InvalidOperationException.With.Message.EqualTo("Automation:Bots:Pools:0:Bot is missing; give the name of a registered bot."));
}
