using Automation.Engine.Persistence;
using Automation.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Automation.Server.Auth;

/// <summary>
/// On first run (an empty key store) creates an admin key: the configured <see cref="AuthOptions.BootstrapAdminKey"/>,
/// or a random one printed once to the console. Only its hash is stored; the key itself is never logged.
/// </summary>
internal sealed class BootstrapAdminKey(
    IApiKeyStore store, IOptions<AutomationOptions> options, TimeProvider clock, ILogger<BootstrapAdminKey> logger)
{
    /// <summary>The name of the key created on first run.</summary>
    public const string KeyName = "bootstrap-admin";

    /// <summary>Creates the first admin key when there is no key at all.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (!await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false)) return;
        var configured = options.Value.Auth.BootstrapAdminKey?.Trim();
        var generated = string.IsNullOrEmpty(configured);
        var key = generated ? ApiKeys.Generate() : configured!;
        await store.AddAsync(new ApiKeyRecord
        {
            Id = ApiKeys.NewId(),
            Name = KeyName,
            KeyHash = ApiKeys.Hash(key),
            Roles = [Roles.Admin],
            CreatedAt = clock.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Created the first admin API key '{KeyName}' ({Source})", KeyName,
            generated ? "generated, shown once on the console" : "from Automation:Auth:BootstrapAdminKey");
        if (generated) PrintOnce(key);
    }

    // Deliberately Console, not ILogger: the key must reach the operator once and never a log file.
    private static void PrintOnce(string key)
    {
        var line = new string('=', 78);
        Console.WriteLine(line);
        Console.WriteLine(" FIRST RUN: an admin API key was created. It is shown only this once and is");
        Console.WriteLine(" stored only as a hash. Send it in the X-Api-Key header; keep it safe.");
        Console.WriteLine();
        Console.WriteLine($"   {key}");
        Console.WriteLine();
        Console.WriteLine(" To choose the key yourself, set Automation__Auth__BootstrapAdminKey before the first run.");
        Console.WriteLine(line);
    }
}
