using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Automation.Bots.Browser.Workers;

/// <summary>The bot host's instruments under the meter <c>Automation.Bots</c> (tags: bot, queue, and outcome or failure kind and code).</summary>
public static class BotMetrics
{
    /// <summary>The meter's name, for OpenTelemetry or <c>dotnet-counters monitor --counters Automation.Bots</c>.</summary>
    public const string MeterName = "Automation.Bots";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Handled = Meter.CreateCounter<long>("automation.bots.items.handled", "{item}", "Attempts settled (successful, failed or retried).");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("automation.bots.items.failed", "{item}", "Attempts that failed, by kind and code.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("automation.bots.item.duration", "s", "Time from take to settlement of an attempt.");

    /// <summary>Records one settled attempt; <paramref name="kind"/> null for a success.</summary>
    internal static void Record(string bot, string queue, string outcome, string? kind, string? code, TimeSpan elapsed)
    {
        var tags = new TagList { { "bot", bot }, { "queue", queue }, { "outcome", outcome } };
        Handled.Add(1, tags);
        Duration.Record(elapsed.TotalSeconds, tags);
        if (kind is not null) Failed.Add(1, new TagList { { "bot", bot }, { "queue", queue }, { "kind", kind }, { "code", code } });
    }
}
