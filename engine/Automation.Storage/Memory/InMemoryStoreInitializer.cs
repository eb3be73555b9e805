namespace Automation.Storage.Memory;

/// <summary>The in-memory store needs no preparation and always answers.</summary>
internal sealed class InMemoryStoreInitializer : IStoreInitializer
{
    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);
}
