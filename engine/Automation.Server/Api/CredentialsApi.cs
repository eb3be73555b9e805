using System.Security.Claims;
using System.Text.Json.Nodes;
using Automation.Engine.Credentials;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>
/// Named credentials that workflows and bots use (a system's sign-in, a mail account, an API key). Secrets go in and
/// are never given back: responses name the secrets a credential holds, not their values.
/// </summary>
public static class CredentialsApi
{
    /// <summary>Maps <c>/api/credentials</c>.</summary>
    public static RouteGroupBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/credentials").WithTags("Credentials");
        group.MapGet("/", List).RequireAuthorization(Policies.Read);
        group.MapGet("/kinds", Kinds).RequireAuthorization(Policies.Read);
        group.MapGet("/{name}", Get).RequireAuthorization(Policies.Read);
        group.MapPut("/{name}", Save).RequireAuthorization(Policies.ManageCredentials);
        group.MapDelete("/{name}", Delete).RequireAuthorization(Policies.ManageCredentials);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<CredentialView>>> List(ICredentialStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CredentialView>>((await store.ListAsync(ct)).Select(CredentialView.Of).ToArray());

    private static Ok<IReadOnlyList<CredentialKind>> Kinds() => TypedResults.Ok(CredentialKinds.All);

    private static async Task<Results<Ok<CredentialView>, ProblemHttpResult>> Get(string name, ICredentialStore store, CancellationToken ct) =>
        await store.GetAsync(name, ct) is { } credential
            ? TypedResults.Ok(CredentialView.Of(credential))
            : Problems.NotFound($"There is no credential called '{name}'.");

    private static async Task<Results<Created<CredentialView>, Ok<CredentialView>, ProblemHttpResult>> Save(
        string name, SaveCredentialRequest body, CredentialVault vault, ClaimsPrincipal user, ILoggerFactory loggers, CancellationToken ct)
    {
        SavedCredential saved;
        try
        {
            saved = await vault.SaveAsync(new CredentialInput(name, body.Kind ?? "", body.Description, body.Fields, body.Secrets), user.UserName(), ct);
        }
        catch (CredentialValidationException e)
        {
            return Problems.Invalid("The credential is invalid", e.Errors);
        }
        // The names of the secrets changed, never their values.
        loggers.CreateLogger(typeof(CredentialsApi)).LogInformation(
            "{Action} credential {CredentialName} ({Kind}) holding secrets {SecretNames}", saved.Created ? "Created" : "Updated", name, saved.Record.Kind, saved.Record.SecretNames);
        var view = CredentialView.Of(saved.Record);
        return !saved.Created ? TypedResults.Ok(view) : TypedResults.Created($"/api/credentials/{Uri.EscapeDataString(name)}", view);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string name, ICredentialStore store, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!await store.DeleteAsync(name, ct)) return Problems.NotFound($"There is no credential called '{name}'.");
        loggers.CreateLogger(typeof(CredentialsApi)).LogInformation("Deleted credential {CredentialName}", name);
        return TypedResults.NoContent();
    }
}

/// <summary>The body of <c>PUT /api/credentials/{name}</c>.</summary>
/// <param name="Kind">usernamePassword, apiKey, mailServer or other (see <c>GET /api/credentials/kinds</c>).</param>
/// <param name="Description">A note for people.</param>
/// <param name="Fields">Settings that are not secret.</param>
/// <param name="Secrets">Secrets by name; one left out keeps its stored value, an empty string removes an optional one.</param>
public sealed record SaveCredentialRequest(string? Kind, string? Description, JsonObject? Fields, Dictionary<string, string?>? Secrets);

/// <summary>A credential as the API shows it: its settings and the names of its secrets, never their values.</summary>
public sealed record CredentialView(
    string Name, string Kind, string? Description, JsonObject Fields, IReadOnlyList<string> SecretNames,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? UpdatedBy)
{
    internal static CredentialView Of(CredentialRecord r) =>
        new(r.Name, r.Kind, r.Description, r.Fields, r.SecretNames, r.CreatedAt, r.UpdatedAt, r.UpdatedBy);
}
