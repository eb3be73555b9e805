using Automation.Engine.Runtime;

namespace Automation.Server.Hosting;

/// <summary>Where the server keeps its data.</summary>
public enum StoreKind
{
    /// <summary>An embedded SQLite file under <see cref="AutomationOptions.DataDirectory"/> (the default).</summary>
    Sqlite,

    /// <summary>PostgreSQL through <see cref="AutomationOptions.ConnectionString"/>; several nodes may share it.</summary>
    Postgres,

    /// <summary>Nothing survives the process (demos and tests).</summary>
    Memory,
}

/// <summary>The server's settings, bound from the <c>Automation</c> configuration section (environment: <c>Automation__...</c>).</summary>
public sealed class AutomationOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Automation";

    /// <summary>The store: sqlite (default), postgres or memory.</summary>
    public StoreKind Store { get; set; } = StoreKind.Sqlite;

    /// <summary>Connection string for PostgreSQL, or an explicit one for SQLite (default: a file under <see cref="DataDirectory"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite file and the logs; relative paths are taken from the current directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Sample workflows imported on first start.</summary>
    public SamplesOptions Samples { get; set; } = new();

    /// <summary>API key authentication.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>How credentials' secrets are encrypted at rest.</summary>
    public SecretsOptions Secrets { get; set; } = new();

    /// <summary>
    /// Folder of the built designer (the web app served at <c>/</c>); when unset, the <c>designer</c> folder beside
    /// the server's assembly, where the build puts it. Without an <c>index.html</c> there, only the API is served.
    /// </summary>
    public string? DesignerDirectory { get; set; }

    /// <summary>How the engine runs instances on this node (bound from <c>Automation:Runtime</c>).</summary>
    public RuntimeOptions Runtime { get; set; } = new();

    /// <summary>The data directory as an absolute path.</summary>
    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}

/// <summary>Sample workflows imported into an empty definition store.</summary>
public sealed class SamplesOptions
{
    /// <summary>Whether to import and publish the samples when the definition store is empty at start-up.</summary>
    public bool Load { get; set; } = true;

    /// <summary>
    /// Folder of <c>*.workflow.json</c> files; when unset, <c>samples/workflows</c> found by walking up from the
    /// content root (then the current directory) to the repository root.
    /// </summary>
    public string? Directory { get; set; }
}

/// <summary>API key authentication settings.</summary>
public sealed class AuthOptions
{
    /// <summary>
    /// The admin key created when the key store is empty. When unset a random key is generated and printed once to
    /// the console. Only its hash is stored.
    /// </summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>How long a looked-up key is trusted before the store is asked again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The master key that encrypts credentials' secrets at rest (AES-256-GCM).</summary>
public sealed class SecretsOptions
{
    /// <summary>
    /// The master key as base64 of 32 random bytes (<c>openssl rand -base64 32</c>). Set it (from a secret store, not a
    /// file in the repository) when several nodes share PostgreSQL: every node must use the same key. When unset, the
    /// key is read from <see cref="MasterKeyFile"/>, which is created with a new random key the first time a credential is saved or read.
    /// </summary>
    public string? MasterKey { get; set; }

    /// <summary>Where the generated master key is kept; default <c>master.key</c> in the data directory. Back it up with the database.</summary>
    public string? MasterKeyFile { get; set; }
}
