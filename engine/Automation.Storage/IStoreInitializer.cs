namespace Automation.Storage;

/// <summary>Prepares the store at start-up and tells a health check whether it answers.</summary>
public interface IStoreInitializer
{
    /// <summary>
    /// Creates the database (SQLite file) if needed and applies pending schema migrations, in one transaction.
    /// Safe to call again and from several nodes at once.
    /// </summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the store answers a trivial query; never throws.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
