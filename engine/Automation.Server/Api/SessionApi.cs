using Automation.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

namespace Automation.Server.Api;

/// <summary>Who the caller is: the designer signs in by checking a key here.</summary>
public static class SessionApi
{
    /// <summary>Maps <c>GET /api/me</c>.</summary>
    public static RouteGroupBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Session");
        group.MapGet("/", Me).RequireAuthorization(Policies.Read);
        return group;
    }

    private static Ok<CurrentUser> Me(ClaimsPrincipal user) => TypedResults.Ok(new CurrentUser(user.UserName(), user.Roles()));
}

/// <summary>The API key's name and the roles it holds.</summary>
public sealed record CurrentUser(string Name, IReadOnlyList<string> Roles);
