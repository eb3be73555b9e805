using Automation.Bots.Browser.Workers;
using Automation.Engine.Triggers;

namespace Automation.Bots.Browser.Tests.Workers;

/// <summary>Review instances already exist under their ids: the shared event-id helper gives the ids the bot host gave before.</summary>
public class BotReviewIdTests
{
    [Test]
    public void The_review_id_of_an_attempt_is_unchanged_and_comes_from_the_shared_event_id_helper()
    {
        // SHA-256("bot-review\0item-1\03"), first 32 hex digits: the id the host derived before the helper was shared.
        Assert.That(BotReviewStarter.InstanceIdFor("item-1", 3), Is.EqualTo("d062254c0f1aedf0b3b61137035cb9fa"));
        Assert.That(BotReviewStarter.InstanceIdFor("item-1", 3), Is.EqualTo(EventInstanceIds.For("bot-review", "item-1", "3")));
        Assert.That(BotReviewStarter.InstanceIdFor("item-1", 4), Is.Not.EqualTo(BotReviewStarter.InstanceIdFor("item-1", 3)));
        Assert.That(BotReviewStarter.InstanceIdFor("item-1", 3, operatorRetries: 1), Is.EqualTo(EventInstanceIds.For("bot-review", "item-1", "3", "retry1")));
    }
}
