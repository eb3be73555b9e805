namespace Automation.Bots.Browser.Workers;

/// <summary>What <see cref="BotReviewStarter.StartAsync"/> did.</summary>
internal enum ReviewStart
{
    /// <summary>This call started the review.</summary>
    Started,

    /// <summary>The review had been started before (by the worker, a sweep or another node); nothing was started.</summary>
    AlreadyStarted,

    /// <summary>The workflow could not start (not published, invalid input); the error is logged.</summary>
    Failed,
}
