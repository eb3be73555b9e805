using Automation.Engine.Credentials;

namespace Automation.Server.Hosting;

/// <summary>Registers the secret protector with the master key from configuration or the key file, and the credential vault.</summary>
internal static class SecretsSetup
{
    /// <summary>Adds <see cref="ISecretProtector"/> and <see cref="CredentialVault"/>.</summary>
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, AutomationOptions options)
    {
        services.AddSingleton<ISecretProtector>(sp =>
            new AesGcmSecretProtector(LoadMasterKey(options, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecretsSetup)))));
        services.AddSingleton<CredentialVault>();
        return services;
    }

    /// <summary>The configured key, the key file's, or (on first start) a new key written to the key file.</summary>
    /// <exception cref="InvalidOperationException">The configured key or the key file is not base64 of 32 bytes.</exception>
    private static byte[] LoadMasterKey(AutomationOptions options, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.Secrets.MasterKey))
            return Decode(options.Secrets.MasterKey, "Automation__Secrets__MasterKey");
        // Nothing survives an in-memory store, so its secrets need no key that outlives the process either.
        if (options.Store == StoreKind.Memory) return AesGcmSecretProtector.NewKey();

        var file = Path.GetFullPath(options.Secrets.MasterKeyFile ?? Path.Combine(options.DataDirectoryFullPath, "master.key"));
        if (File.Exists(file)) return Decode(File.ReadAllText(file), file);

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = AesGcmSecretProtector.NewKey();
        // Only the server's user may read it; CreateNew so that two processes starting at once cannot both write one.
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(file, create))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }
        logger.LogWarning(
            "Created a master key for credentials' secrets at {MasterKeyFile}. Back it up with the database: without it no stored secret can be read{Nodes}",
            file, options.Store == StoreKind.Postgres ? ". Several nodes on one PostgreSQL must share one key: set Automation__Secrets__MasterKey on each" : "");
        return key;
    }

    private static byte[] Decode(string base64, string source)
    {
        try
        {
            var key = Convert.FromBase64String(base64.Trim());
            if (key.Length == AesGcmSecretProtector.KeyLength) return key;
        }
        catch (FormatException)
        {
        }
        throw new InvalidOperationException(
            $"The master key in {source} must be base64 of {AesGcmSecretProtector.KeyLength} random bytes (for example from `openssl rand -base64 32`).");
    }
}
