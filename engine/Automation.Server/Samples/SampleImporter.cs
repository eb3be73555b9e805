using Automation.Engine.Persistence;
using Automation.Server.Hosting;
using Automation.Server.Validation;
using Microsoft.Extensions.Options;

namespace Automation.Server.Samples;

/// <summary>
/// On first start (an empty definition store) imports and publishes every <c>*.workflow.json</c> in the samples folder,
/// so that a new server has something to run. A bad sample is logged with its file name and skipped.
/// </summary>
internal sealed class SampleImporter(
    IDefinitionStore store, Definitions.WorkflowPublisher publisher, DefinitionReader reader, IDefinitionValidator validator, IOptions<AutomationOptions> options,
    IHostEnvironment environment, ILogger<SampleImporter> logger)
{
    /// <summary>The user name recorded on imported versions.</summary>
    public const string User = "samples";

    /// <summary>Imports the samples when enabled and the store is empty. Returns how many were published.</summary>
    public async Task<int> ImportAsync(CancellationToken cancellationToken)
    {
        var samples = options.Value.Samples;
        if (!samples.Load) return 0;
        if (!await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false))
        {
            logger.LogDebug("The definition store is not empty; samples are not imported");
            return 0;
        }
        var directory = samples.Directory is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : FindSamplesDirectory(environment.ContentRootPath, Directory.GetCurrentDirectory());
        if (directory is null || !Directory.Exists(directory))
        {
            logger.LogWarning("No sample workflows imported: folder {Directory} not found (set Automation:Samples:Directory)",
                directory ?? "samples/workflows");
            return 0;
        }
        var imported = 0;
        foreach (var file in Directory.GetFiles(directory, "*.workflow.json").Order(StringComparer.Ordinal))
            if (await ImportFileAsync(file, cancellationToken).ConfigureAwait(false)) imported++;
        logger.LogInformation("Imported {Count} sample workflow(s) from {Directory}", imported, directory);
        return imported;
    }

    private async Task<bool> ImportFileAsync(string file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        try
        {
            var definition = reader.Read(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
            var errors = validator.Validate(definition);
            if (errors.Count > 0)
            {
                logger.LogError("Sample {File} skipped: it has {Count} validation error(s): {Errors}", name, errors.Count, string.Join("; ", errors));
                return false;
            }
            if (await store.GetLatestAsync(definition.Id, cancellationToken).ConfigureAwait(false) is not null)
            {
                logger.LogError("Sample {File} skipped: workflow id {WorkflowId} is already used by another sample", name, definition.Id);
                return false;
            }
            await store.SaveDraftAsync(definition, User, cancellationToken).ConfigureAwait(false);
            var published = await publisher.PublishAsync(definition.Id, $"Imported from samples/{name}", User, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Imported sample {File} as workflow {WorkflowId} version {Version}", name, definition.Id, published?.Version);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sample {File} skipped: {Reason}", name, ex.Message);
            return false;
        }
    }

    /// <summary>
    /// <c>samples/workflows</c> in the first of <paramref name="starts"/> or its parents, up to the repository root
    /// (a folder holding <c>Automation.sln</c> or <c>.git</c>); null when there is none.
    /// </summary>
    internal static string? FindSamplesDirectory(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "workflows");
                if (Directory.Exists(candidate)) return candidate;
                if (File.Exists(Path.Combine(dir.FullName, "Automation.sln")) || Path.Exists(Path.Combine(dir.FullName, ".git"))) break;
            }
        }
        return null;
    }
}
