using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Samples.LegacyKit;

/// <summary>
/// The read API tests use to check exactly what a bot keyed: a <c>/testing</c> route group that answers only
/// a request carrying the header <c>X-Test-Token</c> equal to <see cref="LegacyAppOptions.TestToken"/>.
/// With no token configured the group answers 404, as if it did not exist; a wrong token gets 401.
/// </summary>
public static class TestingAccess
{
    /// <summary>The header that carries the token.</summary>
    public const string Header = "X-Test-Token";

    /// <summary>Maps the guarded <c>/testing</c> group.</summary>
    public static RouteGroupBuilder MapTestingGroup(this WebApplication app) =>
        app.MapGroup("/testing").AddEndpointFilter(async (ctx, next) =>
        {
            var token = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<LegacyAppOptions>>().Value.TestToken;
            if (string.IsNullOrEmpty(token))
            {
                return Results.NotFound();
            }

            var given = ctx.HttpContext.Request.Headers[Header].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token)))
            {
                return Results.Problem(statusCode: 401, title: $"The {Header} header is missing or wrong.");
            }

            return await next(ctx);
        });
}
