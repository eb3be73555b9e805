using Automation.Engine.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Automation.Server.Errors;

/// <summary>ProblemDetails results that endpoints return for their own decisions (engine errors go through the exception handler).</summary>
public static class Problems
{
    /// <summary>404 naming what was not found.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>409 explaining the conflict.</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    /// <summary>400 explaining what is wrong with the request.</summary>
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    /// <summary>400 listing every problem found (as <c>errors</c>: code, message, activityId, field).</summary>
    public static ProblemHttpResult Invalid(string title, IReadOnlyList<ValidationError> errors) =>
        TypedResults.Problem(
            $"{errors.Count} problem(s): " + string.Join("; ", errors.Take(5)),
            statusCode: StatusCodes.Status400BadRequest, title: title,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>403 explaining why this user may not act on this resource.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
}
