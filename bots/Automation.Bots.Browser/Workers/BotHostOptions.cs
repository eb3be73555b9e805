namespace Automation.Bots.Browser.Workers;

/// <summary>What the bot host runs (configuration section <c>Automation:Bots</c> in the server).</summary>
public sealed class BotHostOptions
{
    /// <summary>Run the pools (default true); false runs none (a node that only serves the API).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a worker extends its item's lease and reports to the registry (default 10 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>On stop, how long the item in hand may take to finish before it is cancelled and given back (default 30 s).</summary>
    public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between looks at an empty queue (idle workers back off up to it; default 1 s).</summary>
    public TimeSpan IdlePollMax { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the host looks for business exceptions whose review workflow never started (a process that died between
    /// failing the item and starting the review, a workflow not yet published) and starts them; also once at start (default 5 min).
    /// </summary>
    public TimeSpan ReviewSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back that sweep looks: business exceptions older than this get no late review (default 1 day).</summary>
    public TimeSpan ReviewSweepWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a worker that stopped reporting stays in the registry (<c>bot_workers</c>) before
    /// <see cref="BotRegistryCleanup"/> removes it (default 7 days; at least an hour). Each host start adds its own worker
    /// rows, so without this the registry grows with every restart.
    /// </summary>
    public TimeSpan RegistryRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the registry is cleaned (on start, then every this long; default 1 hour).</summary>
    public TimeSpan RegistryCleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The pools: which bot works which queue with how many workers.</summary>
    public List<BotPoolOptions> Pools { get; set; } = [];
}
