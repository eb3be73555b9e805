namespace Automation.Engine.Triggers;

/// <summary>Settings of the trigger hosts, bound from <c>Automation:Triggers</c>.</summary>
public sealed class TriggerOptions
{
    /// <summary>How often a host re-reads the registrations, to learn of publishes made on other nodes.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many events are kept per trigger.</summary>
    public int EventsKept { get; set; } = 100;
}
