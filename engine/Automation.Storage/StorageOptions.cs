namespace Automation.Storage;

/// <summary>Which store the server uses and where it lives (configuration section <c>Automation</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The embedded default: a SQLite file under <see cref="DataDirectory"/>.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>PostgreSQL through Npgsql, for production and several nodes.</summary>
    public const string Postgres = "postgres";

    /// <summary>Nothing persisted; for tests and benchmarks.</summary>
    public const string Memory = "memory";

    /// <summary><c>sqlite</c> (default), <c>postgres</c> or <c>memory</c> (setting <c>Automation__Store</c>).</summary>
    public string Store { get; set; } = Sqlite;

    /// <summary>
    /// The connection string (setting <c>Automation__ConnectionString</c>): required for postgres; for sqlite optional,
    /// by default the file <c>automation.db</c> in <see cref="DataDirectory"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded store keeps its file (setting <c>Automation__DataDirectory</c>); <c>./data</c> by default.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// How long a node keeps the newest published version of a definition before reading it again (default 2 seconds;
    /// zero or less reads it on every start). A publish or delete made on this node takes effect at once; one made on
    /// another node on the same database is seen here within this time (decision 24). The server uses the default.
    /// </summary>
    public TimeSpan PublishedVersionCacheTtl { get; set; } = TimeSpan.FromSeconds(2);
}
