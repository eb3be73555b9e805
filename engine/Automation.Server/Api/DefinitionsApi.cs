using System.Security.Claims;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Validation;
using Automation.Server.Auth;
using Automation.Server.Definitions;
using Automation.Server.Errors;
using Automation.Server.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>Workflow definitions: drafts, versions, publishing and validation.</summary>
public static class DefinitionsApi
{
    /// <summary>Maps <c>/api/workflow-definitions</c>.</summary>
    public static RouteGroupBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-definitions").WithTags("Workflow definitions");
        group.MapGet("/", List).RequireAuthorization(Policies.Read);
        group.MapPost("/", Create).RequireAuthorization(Policies.DesignWorkflows).Accepts<WorkflowDefinition>("application/json");
        group.MapPost("/validate", Validate).RequireAuthorization(Policies.Read).Accepts<WorkflowDefinition>("application/json");
        group.MapGet("/{definitionId}", Get).RequireAuthorization(Policies.Read);
        group.MapPut("/{definitionId}", Save).RequireAuthorization(Policies.DesignWorkflows).Accepts<WorkflowDefinition>("application/json");
        group.MapDelete("/{definitionId}", Delete).RequireAuthorization(Policies.DesignWorkflows);
        group.MapPost("/{definitionId}/publish", Publish).RequireAuthorization(Policies.DesignWorkflows);
        group.MapGet("/{definitionId}/versions", Versions).RequireAuthorization(Policies.Read);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<DefinitionSummary>>> List(string? search, IDefinitionStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(string.IsNullOrWhiteSpace(search) ? null : search.Trim(), ct));

    private static async Task<Results<Created<SavedDraft>, ProblemHttpResult>> Create(
        HttpRequest request, ClaimsPrincipal user, DefinitionReader reader, IDefinitionValidator validator, IDefinitionStore store, CancellationToken ct)
    {
        var definition = reader.Read(await DefinitionReader.ReadBodyAsync(request, ct));
        if (await store.GetLatestAsync(definition.Id, ct) is not null)
            return Problems.Conflict($"Workflow '{definition.Id}' already exists; save a new draft with PUT /api/workflow-definitions/{definition.Id}.");
        var saved = await store.SaveDraftAsync(definition, user.UserName(), ct);
        return TypedResults.Created($"/api/workflow-definitions/{Uri.EscapeDataString(definition.Id)}", SavedDraft.Of(saved, validator));
    }

    private static async Task<Ok<ValidationResult>> Validate(HttpRequest request, DefinitionReader reader, IDefinitionValidator validator, CancellationToken ct)
    {
        var (definition, errors) = reader.TryRead(await DefinitionReader.ReadBodyAsync(request, ct));
        if (definition is not null) errors = validator.Validate(definition);
        return TypedResults.Ok(new ValidationResult(errors.Count == 0, errors));
    }

    private static async Task<Results<Ok<DefinitionVersion>, ProblemHttpResult>> Get(string definitionId, int? version, IDefinitionStore store, CancellationToken ct)
    {
        var found = version is { } v ? await store.GetVersionAsync(definitionId, v, ct) : await store.GetLatestAsync(definitionId, ct);
        if (found is not null) return TypedResults.Ok(found);
        return Problems.NotFound(version is { } n && await store.GetLatestAsync(definitionId, ct) is not null
            ? $"Workflow '{definitionId}' has no version {n}."
            : $"Workflow '{definitionId}' does not exist.");
    }

    private static async Task<Results<Ok<SavedDraft>, ProblemHttpResult>> Save(
        string definitionId, HttpRequest request, ClaimsPrincipal user, DefinitionReader reader, IDefinitionValidator validator,
        IDefinitionStore store, CancellationToken ct)
    {
        var definition = reader.Read(await DefinitionReader.ReadBodyAsync(request, ct));
        if (!string.Equals(definition.Id, definitionId, StringComparison.Ordinal))
            return Problems.BadRequest($"The definition's id '{definition.Id}' does not match the id in the URL '{definitionId}'.");
        if (await store.GetLatestAsync(definitionId, ct) is null)
            return Problems.NotFound($"Workflow '{definitionId}' does not exist; create it with POST /api/workflow-definitions.");
        var saved = await store.SaveDraftAsync(definition, user.UserName(), ct);
        return TypedResults.Ok(SavedDraft.Of(saved, validator));
    }

    // Instances run the version they started on, so a definition that still has live instances is kept.
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string definitionId, WorkflowPublisher publisher, IInstanceStore instances, CancellationToken ct)
    {
        foreach (var status in new[] { WorkflowStatus.Running, WorkflowStatus.Suspended, WorkflowStatus.Faulted })
        {
            var live = await instances.ListAsync(new InstanceQuery { DefinitionId = definitionId, Status = status, PageSize = 1 }, ct);
            if (live.Items.Count > 0)
                return Problems.Conflict($"Workflow '{definitionId}' still has {status.ToString().ToLowerInvariant()} instances; cancel them before deleting it.");
        }
        return await publisher.DeleteAsync(definitionId, ct) ? TypedResults.NoContent() : Problems.NotFound($"Workflow '{definitionId}' does not exist.");
    }

    private static async Task<Results<Ok<DefinitionVersion>, ProblemHttpResult>> Publish(
        string definitionId, PublishRequest? body, ClaimsPrincipal user, IDefinitionValidator validator, IDefinitionStore store,
        WorkflowPublisher publisher, CancellationToken ct)
    {
        var latest = await store.GetLatestAsync(definitionId, ct);
        if (latest is null) return Problems.NotFound($"Workflow '{definitionId}' does not exist.");
        var errors = validator.Validate(latest.Definition);
        if (errors.Count > 0)
            return Problems.Invalid($"Workflow '{definitionId}' version {latest.Version} cannot be published", errors);
        // A trigger whose key another workflow holds is refused with 409 before anything is published.
        var published = await publisher.PublishAsync(definitionId, body?.Comment, user.UserName(), ct);
        if (published is null) return Problems.NotFound($"Workflow '{definitionId}' does not exist.");
        return TypedResults.Ok(published);
    }

    private static async Task<Results<Ok<IReadOnlyList<VersionInfo>>, ProblemHttpResult>> Versions(string definitionId, IDefinitionStore store, CancellationToken ct)
    {
        var versions = await store.ListVersionsAsync(definitionId, ct);
        if (versions.Count == 0) return Problems.NotFound($"Workflow '{definitionId}' does not exist.");
        return TypedResults.Ok<IReadOnlyList<VersionInfo>>(versions.Select(VersionInfo.Of).ToArray());
    }
}

/// <summary>A saved draft and what the validator thinks of it (drafts may be incomplete; publishing needs <see cref="Valid"/>).</summary>
public sealed record SavedDraft(DefinitionVersion Draft, bool Valid, IReadOnlyList<ValidationError> Errors)
{
    internal static SavedDraft Of(DefinitionVersion draft, IDefinitionValidator validator)
    {
        var errors = validator.Validate(draft.Definition);
        return new SavedDraft(draft, errors.Count == 0, errors);
    }
}

/// <summary>The answer of <c>POST /api/workflow-definitions/validate</c>.</summary>
public sealed record ValidationResult(bool Valid, IReadOnlyList<ValidationError> Errors);

/// <summary>The optional body of a publish.</summary>
public sealed record PublishRequest(string? Comment);

/// <summary>One version of a definition without its flowchart.</summary>
/// <remarks><see cref="PublishedBy"/> is who called publish; <see cref="UpdatedBy"/> who last saved the draft. Null when not recorded.</remarks>
public sealed record VersionInfo(
    int Version, bool IsPublished, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? UpdatedBy, DateTimeOffset? PublishedAt,
    string? PublishedBy, string? Comment)
{
    internal static VersionInfo Of(DefinitionVersion v) =>
        new(v.Version, v.IsPublished, v.CreatedAt, v.UpdatedAt, v.UpdatedBy, v.PublishedAt, v.PublishedBy, v.Comment);
}
