namespace Automation.Server.Auth;

/// <summary>The roles an API key can hold; each becomes a role claim.</summary>
public static class Roles
{
    /// <summary>Everything, including API key management.</summary>
    public const string Admin = "admin";

    /// <summary>Designs and publishes workflows.</summary>
    public const string ProcessOwner = "processOwner";

    /// <summary>Runs the operation: starts, retries, cancels, signals, works tasks.</summary>
    public const string Operator = "operator";

    /// <summary>Unattended robots: start instances, send signals, work tasks.</summary>
    public const string Bot = "bot";

    /// <summary>Every known role.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, ProcessOwner, Operator, Bot];

    /// <summary>True for a known role name (exact case).</summary>
    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

/// <summary>Authorisation policy names, one per kind of operation.</summary>
public static class Policies
{
    /// <summary>Create, save, publish and delete definitions: admin, processOwner.</summary>
    public const string DesignWorkflows = nameof(DesignWorkflows);

    /// <summary>Read anything (definitions, activities, schema, instances, journal): any role.</summary>
    public const string Read = nameof(Read);

    /// <summary>Start instances: admin, processOwner, operator, bot.</summary>
    public const string StartInstances = nameof(StartInstances);

    /// <summary>Retry faulted instances and resume bookmarks: admin, operator.</summary>
    public const string OperateInstances = nameof(OperateInstances);

    /// <summary>Cancel instances: admin, operator, processOwner.</summary>
    public const string CancelInstances = nameof(CancelInstances);

    /// <summary>Send signals: admin, operator, bot.</summary>
    public const string SendSignals = nameof(SendSignals);

    /// <summary>List, claim, release and complete tasks: any role.</summary>
    public const string WorkTasks = nameof(WorkTasks);

    /// <summary>Manage API keys: admin.</summary>
    public const string ManageApiKeys = nameof(ManageApiKeys);

    /// <summary>Create, change and delete credentials: admin. (Any role may list their names for the designer's picker.)</summary>
    public const string ManageCredentials = nameof(ManageCredentials);

    /// <summary>Pause and resume triggers, run schedules now, reprocess or discard quarantined inputs: admin, operator.</summary>
    public const string OperateTriggers = nameof(OperateTriggers);

    /// <summary>Create and change work queues; retry, abandon and delete their items: admin, operator.</summary>
    public const string ManageQueues = nameof(ManageQueues);

    /// <summary>Add items to work queues (JSON or CSV): admin, operator, bot.</summary>
    public const string AddQueueItems = nameof(AddQueueItems);

    /// <summary>Take queue items and heartbeat, complete, fail or release the ones held: admin, bot.</summary>
    public const string WorkQueueItems = nameof(WorkQueueItems);

    /// <summary>Read the bot registry and bot metrics: admin, operator, processOwner (not bots: a bot key learns nothing of other bots).</summary>
    public const string ReadBots = nameof(ReadBots);

    /// <summary>Registers every policy.</summary>
    internal static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        builder.AddPolicy(DesignWorkflows, p => p.RequireRole(Roles.Admin, Roles.ProcessOwner));
        builder.AddPolicy(Read, p => p.RequireRole(Roles.All));
        builder.AddPolicy(StartInstances, p => p.RequireRole(Roles.Admin, Roles.ProcessOwner, Roles.Operator, Roles.Bot));
        builder.AddPolicy(OperateInstances, p => p.RequireRole(Roles.Admin, Roles.Operator));
        builder.AddPolicy(CancelInstances, p => p.RequireRole(Roles.Admin, Roles.Operator, Roles.ProcessOwner));
        builder.AddPolicy(SendSignals, p => p.RequireRole(Roles.Admin, Roles.Operator, Roles.Bot));
        builder.AddPolicy(WorkTasks, p => p.RequireRole(Roles.All));
        builder.AddPolicy(ManageApiKeys, p => p.RequireRole(Roles.Admin));
        builder.AddPolicy(ManageCredentials, p => p.RequireRole(Roles.Admin));
        builder.AddPolicy(OperateTriggers, p => p.RequireRole(Roles.Admin, Roles.Operator));
        builder.AddPolicy(ManageQueues, p => p.RequireRole(Roles.Admin, Roles.Operator));
        builder.AddPolicy(AddQueueItems, p => p.RequireRole(Roles.Admin, Roles.Operator, Roles.Bot));
        builder.AddPolicy(WorkQueueItems, p => p.RequireRole(Roles.Admin, Roles.Bot));
        builder.AddPolicy(ReadBots, p => p.RequireRole(Roles.Admin, Roles.Operator, Roles.ProcessOwner));
    }
}
