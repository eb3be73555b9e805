using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Samples.LegacyKit;

/// <summary>
/// Makes some pages slow, as old systems are: every <see cref="LegacyAppOptions.SlowEveryNth"/>th request
/// waits <see cref="LegacyAppOptions.SlowDelayMs"/>, and any request with <c>?slow=MS</c> waits MS
/// milliseconds (at most 30 s). The <c>/testing</c> API is never slowed.
/// </summary>
public static class SlowPages
{
    private const int MaxDelayMs = 30_000;

    /// <summary>Adds the slowing middleware.</summary>
    public static void UseSlowPages(this WebApplication app)
    {
        long count = 0;
        app.Use(async (ctx, next) =>
        {
            if (!ctx.Request.Path.StartsWithSegments("/testing"))
            {
                var o = ctx.RequestServices.GetRequiredService<IOptions<LegacyAppOptions>>().Value;
                var delay = 0;
                if (int.TryParse(ctx.Request.Query["slow"], out var asked) && asked > 0)
                {
                    delay = Math.Min(asked, MaxDelayMs);
                }
                else if (o.SlowEveryNth > 0 && o.SlowDelayMs > 0 && Interlocked.Increment(ref count) % o.SlowEveryNth == 0)
                {
                    delay = Math.Min(o.SlowDelayMs, MaxDelayMs);
                }

                if (delay > 0)
                {
                    await Task.Delay(delay, ctx.RequestAborted);
                }
            }

            await next(ctx);
        });
    }
}
