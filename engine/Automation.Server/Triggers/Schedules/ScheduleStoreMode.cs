namespace Automation.Server.Triggers.Schedules;

/// <summary>Which Quartz store the schedules run on.</summary>
/// <param name="Persistent">
/// True for the clustered store in PostgreSQL (it remembers triggers and handles missed fire times itself); false for
/// the in-memory store, whose missed fire times the schedule host catches up at start-up.
/// </param>
public sealed record ScheduleStoreMode(bool Persistent);
