using Microsoft.Extensions.DependencyInjection;

namespace Automation.Bench;

/// <summary>Database servers and files shared by the suite: one temp folder, PostgreSQL servers started on demand.</summary>
internal sealed class Servers : IAsyncDisposable
{
    /// <summary>Registers the storage of <paramref name="kind"/> on a fresh database; returns its label and a cleanup.</summary>
    public Task<(string Label, Func<ValueTask> Cleanup)> AddStorageAsync(StoreKind kind, IServiceCollection services) =>
        throw new NotSupportedException($"Store '{kind}' is not available in this build (the SQL stores have not landed yet).");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
