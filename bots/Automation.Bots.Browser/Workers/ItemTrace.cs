using Microsoft.Playwright;

namespace Automation.Bots.Browser.Workers;

/// <summary>
/// What a bot item's browser context records, so that a system exception leaves a Playwright trace as evidence.
/// Recording is what costs (the trace is written out only when the item fails): see docs/performance.md, "Bots".
/// </summary>
public enum ItemTrace
{
    /// <summary>Every attempt records actions only (each call, its timing, its error): cheap; no page snapshots.</summary>
    Actions,

    /// <summary>
    /// The first attempt records actions only; an attempt after a failure (the item is being retried) records the full
    /// trace (screencast, DOM snapshots, network), so a failure that repeats leaves everything needed to see why.
    /// </summary>
    FullOnRetry,

    /// <summary>Every attempt records the full trace (screencast, DOM snapshots, network): the richest evidence and the slowest items.</summary>
    Full,

    /// <summary>No trace; a failure leaves only its screenshot.</summary>
    Off,
}

/// <summary>Turns an <see cref="ItemTrace"/> setting into Playwright's tracing options for one attempt.</summary>
public static class ItemTraceOptions
{
    /// <summary>The options to start tracing with for attempt <paramref name="attempt"/> (1 = first), or null for no trace.</summary>
    public static TracingStartOptions? For(ItemTrace mode, int attempt) => mode switch
    {
        ItemTrace.Off => null,
        ItemTrace.Actions => new TracingStartOptions { Screenshots = false, Snapshots = false },
        ItemTrace.FullOnRetry when attempt <= 1 => new TracingStartOptions { Screenshots = false, Snapshots = false },
        _ => new TracingStartOptions { Screenshots = true, Snapshots = true },
    };
}
