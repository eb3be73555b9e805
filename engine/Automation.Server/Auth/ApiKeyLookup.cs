using Automation.Engine.Persistence;
using Automation.Server.Hosting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Automation.Server.Auth;

/// <summary>
/// Finds API keys by hash, caching hits for <see cref="AuthOptions.CacheDuration"/> so that each request does not
/// reach the store. Misses are not cached (a stream of bad keys must not fill memory). Revoking through this node
/// takes effect at once; other nodes notice within the cache duration.
/// </summary>
public sealed class ApiKeyLookup(IApiKeyStore store, IMemoryCache cache, IOptions<AutomationOptions> options)
{
    private long _generation;

    /// <summary>The non-revoked key record for <paramref name="key"/>, or null.</summary>
    public async Task<ApiKeyRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(key);
        var cacheKey = (nameof(ApiKeyLookup), Interlocked.Read(ref _generation), hash);
        if (cache.TryGetValue(cacheKey, out ApiKeyRecord? cached)) return cached;
        var record = await store.FindByHashAsync(hash, cancellationToken).ConfigureAwait(false);
        if (record is not null && options.Value.Auth.CacheDuration > TimeSpan.Zero)
            cache.Set(cacheKey, record, options.Value.Auth.CacheDuration);
        return record;
    }

    /// <summary>Forgets every cached key (after a revocation).</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);
}
