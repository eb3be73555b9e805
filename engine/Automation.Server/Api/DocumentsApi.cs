using Automation.Engine.Documents;
using Automation.Server.Auth;
using Automation.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Api;

/// <summary>Documents kept by triggers and workflows (attachments, dropped files): their description and content.</summary>
public static class DocumentsApi
{
    /// <summary>Maps <c>/api/documents</c>.</summary>
    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/documents").WithTags("Documents");
        group.MapGet("/{documentId}", Get).RequireAuthorization(Policies.Read);
        group.MapGet("/{documentId}/content", Content).RequireAuthorization(Policies.Read);
        return group;
    }

    private static async Task<Results<Ok<StoredDocument>, ProblemHttpResult>> Get(string documentId, IDocumentStore store, CancellationToken ct) =>
        await store.GetAsync(documentId, ct) is { } document ? TypedResults.Ok(document) : NotFound(documentId);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Content(string documentId, IDocumentStore store, CancellationToken ct)
    {
        if (await store.GetAsync(documentId, ct) is not { } document || await store.ReadAsync(documentId, ct) is not { } content)
            return NotFound(documentId);
        return TypedResults.File(content, document.ContentType, document.Name);
    }

    private static ProblemHttpResult NotFound(string documentId) => Problems.NotFound($"There is no document '{documentId}'.");
}
