using Automation.Engine.Persistence;
using Automation.Engine.Validation;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>API keys: list, create (the clear key is shown once) and revoke. Admins only.</summary>
public static class ApiKeysApi
{
    /// <summary>Maps <c>/api/api-keys</c>.</summary>
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/api-keys").WithTags("API keys").RequireAuthorization(Policies.ManageApiKeys);
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapDelete("/{keyId}", Revoke);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> List(IApiKeyStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ApiKeyInfo>>((await store.ListAsync(ct)).Select(ApiKeyInfo.Of).ToArray());

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> Create(
        CreateApiKeyRequest body, IApiKeyStore store, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        var name = body.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) errors.Add(new ValidationError("invalid-name", "The key needs a name of 1 to 100 characters.", Field: "name"));
        var roles = (body.Roles ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (roles.Length == 0) errors.Add(new ValidationError("missing-roles", "The key needs at least one role.", Field: "roles"));
        foreach (var role in roles.Where(r => !Roles.IsKnown(r)))
            errors.Add(new ValidationError("unknown-role", $"'{role}' is not a role; use {string.Join(", ", Roles.All)}.", Field: "roles"));
        if (errors.Count > 0) return Problems.Invalid("The API key request is invalid", errors);

        var key = ApiKeys.Generate();
        var record = new ApiKeyRecord { Id = ApiKeys.NewId(), Name = name, KeyHash = ApiKeys.Hash(key), Roles = roles, CreatedAt = clock.GetUtcNow() };
        await store.AddAsync(record, ct);
        loggers.CreateLogger(typeof(ApiKeysApi)).LogInformation("Created API key {KeyId} '{KeyName}' with roles {Roles}", record.Id, name, roles);
        return TypedResults.Created($"/api/api-keys/{record.Id}", new CreatedApiKey(record.Id, name, roles, record.CreatedAt, key));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string keyId, IApiKeyStore store, ApiKeyLookup lookup, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var keys = await store.ListAsync(ct);
        var key = keys.FirstOrDefault(k => k.Id == keyId);
        if (key is null) return Problems.NotFound($"API key '{keyId}' does not exist.");
        if (key.RevokedAt is null && key.Roles.Contains(Roles.Admin)
            && !keys.Any(k => k.Id != keyId && k.RevokedAt is null && k.Roles.Contains(Roles.Admin)))
            return Problems.Conflict("This is the last admin key; create another admin key before revoking it.");
        if (!await store.RevokeAsync(keyId, clock.GetUtcNow(), ct)) return Problems.NotFound($"API key '{keyId}' does not exist.");
        lookup.Invalidate();
        loggers.CreateLogger(typeof(ApiKeysApi)).LogInformation("Revoked API key {KeyId} '{KeyName}'", keyId, key.Name);
        return TypedResults.NoContent();
    }
}

/// <summary>The body of a key creation.</summary>
/// <param name="Name">Who or what uses the key; becomes the user name.</param>
/// <param name="Roles">admin, processOwner, operator and/or bot.</param>
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Roles);

/// <summary>An API key as listed (never the key or its hash).</summary>
public sealed record ApiKeyInfo(string Id, string Name, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    internal static ApiKeyInfo Of(ApiKeyRecord r) => new(r.Id, r.Name, r.Roles, r.CreatedAt, r.RevokedAt);
}

/// <summary>A new key: <see cref="Key"/> is shown this once and cannot be read again.</summary>
public sealed record CreatedApiKey(string Id, string Name, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, string Key);
