using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Automation.Bots.Browser.Workers;

/// <summary>
/// The Playwright trace of one attempt at an item, kept free of the secrets the bot types. Typing a secret through
/// <see cref="TypeSecretAsync"/> ends the chunk recorded so far (discarded: it may have recorded the field being
/// filled) and starts a new one once the secret is in the field. From the first secret on, the trace records actions
/// (and screencast frames when the attempt records them) but no DOM snapshots or network: a snapshot holds what the
/// password field contains and the network log holds the sign-in form's post. So a failure after sign-in still leaves
/// a trace of what happened after it.
/// </summary>
internal sealed class ItemTraceRecorder(IBrowserContext browser, TracingStartOptions? options, ILogger logger)
{
    /// <summary>True while a trace is being recorded (false when the attempt records none, or recording could not resume after a secret).</summary>
    public bool Recording { get; private set; }

    /// <summary>Starts recording with the attempt's options (nothing when it records no trace).</summary>
    /// <exception cref="PlaywrightException">The browser context is gone.</exception>
    public async Task StartAsync()
    {
        if (options is null) return;
        await browser.Tracing.StartAsync(options).ConfigureAwait(false);
        Recording = true;
    }

    /// <summary>Runs <paramref name="type"/> (which types a secret) between two trace chunks, the first discarded.</summary>
    /// <exception cref="Exception">Whatever <paramref name="type"/> throws.</exception>
    public async Task TypeSecretAsync(Func<Task> type)
    {
        if (!Recording)
        {
            await type().ConfigureAwait(false);
            return;
        }

        // Snapshots are chosen when tracing starts, not per chunk: to drop them the trace is stopped and started anew.
        var restart = options?.Snapshots == true;
        Recording = false;
        if (restart) await browser.Tracing.StopAsync().ConfigureAwait(false);
        else await browser.Tracing.StopChunkAsync().ConfigureAwait(false);
        try
        {
            await type().ConfigureAwait(false);
        }
        finally
        {
            try
            {
                if (restart)
                {
                    options = new TracingStartOptions { Screenshots = options!.Screenshots, Snapshots = false };
                    await browser.Tracing.StartAsync(options).ConfigureAwait(false);
                }
                else await browser.Tracing.StartChunkAsync().ConfigureAwait(false);
                Recording = true;
            }
            catch (PlaywrightException e)
            {
                // The context is gone (a crashed browser): the attempt fails on its own; it just has no trace.
                logger.LogDebug(e, "The trace could not resume after a secret was typed");
            }
        }
    }
}
