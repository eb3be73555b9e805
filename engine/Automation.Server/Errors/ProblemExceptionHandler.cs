using System.Text.Json;
using Automation.Engine.Persistence;
using Automation.Engine.Runtime;
using Automation.Engine.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Automation.Server.Errors;

/// <summary>
/// The one place exceptions become HTTP answers: engine errors map to 404/409/400 ProblemDetails, malformed JSON to a
/// 400 naming the line and path, and anything else to a 500 that names only the trace id.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
            return true; // The caller went away; nobody is listening for an answer.
        var problem = Map(exception);
        if (problem.Status >= 500)
            logger.LogError(exception, "Unhandled error in {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        else
            logger.LogDebug("Request failed with {Status}: {Message}", problem.Status, exception.Message);
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
    }

    private static ProblemDetails Map(Exception exception) => exception switch
    {
        WorkflowNotFoundException or InstanceNotFoundException or TaskNotFoundException =>
            Problem(StatusCodes.Status404NotFound, "Not found", exception.Message),
        InstanceStateException or TaskStateException or ConcurrencyException or Engine.Triggers.TriggerKeyConflictException =>
            Problem(StatusCodes.Status409Conflict, "Conflict", exception.Message),
        WorkflowValidationException invalid =>
            Problem(StatusCodes.Status400BadRequest, "The workflow definition is invalid", invalid.Message, invalid.Errors),
        InvalidWorkflowInputException input =>
            Problem(StatusCodes.Status400BadRequest, "The workflow input is invalid", input.Message, input.Errors),
        TaskCompletionException completion =>
            Problem(StatusCodes.Status400BadRequest, "The task cannot be completed with this outcome", completion.Message,
                new[] { new ValidationError("invalid-outcome", completion.Message, Field: "outcome") }),
        BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
        JsonException json => MalformedJson(json),
        BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", bad.Message),
        ArgumentException { ParamName: "cursor" } cursor =>
            Problem(StatusCodes.Status400BadRequest, "Bad request", "The paging cursor is not valid; pass the nextCursor of the previous page."),
        _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred",
            "The server could not complete the request. The server log has the details under this request's trace id."),
    };

    private static ProblemDetails MalformedJson(JsonException json)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, "The request body is not valid JSON", json.Message);
        if (json.Path is not null) problem.Extensions["path"] = json.Path;
        if (json.LineNumber is { } line) problem.Extensions["line"] = line + 1;
        if (json.BytePositionInLine is { } position) problem.Extensions["position"] = position + 1;
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail, object? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null) problem.Extensions["errors"] = errors;
        return problem;
    }
}
