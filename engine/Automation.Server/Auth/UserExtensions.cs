using System.Security.Claims;

namespace Automation.Server.Auth;

/// <summary>Reads the API key's identity from the request's user.</summary>
public static class UserExtensions
{
    /// <summary>The key's name (the user name recorded on saves, claims and completions).</summary>
    /// <exception cref="InvalidOperationException">The request is not authenticated.</exception>
    public static string UserName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("The request is not authenticated.");

    /// <summary>The roles the key holds.</summary>
    public static IReadOnlyList<string> Roles(this ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
}
