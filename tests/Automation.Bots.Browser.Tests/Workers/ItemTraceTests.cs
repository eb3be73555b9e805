using Automation.Bots.Browser.Hosting;
using Automation.Bots.Browser.Workers;

namespace Automation.Bots.Browser.Tests.Workers;

public class ItemTraceTests
{
    [Test]
    public void By_default_a_first_attempt_records_actions_only_and_a_retry_records_the_full_trace()
    {
        var mode = new BrowserOptions().ItemTrace;

        var first = ItemTraceOptions.For(mode, attempt: 1);
        var retry = ItemTraceOptions.For(mode, attempt: 2);

        Assert.That(mode, Is.EqualTo(ItemTrace.FullOnRetry));
        Assert.That((first!.Screenshots, first.Snapshots), Is.EqualTo((false, false)));
        Assert.That((retry!.Screenshots, retry.Snapshots), Is.EqualTo((true, true)));
    }

    [Test]
    public void Full_records_everything_on_every_attempt_actions_never_more_and_off_nothing()
    {
        Assert.That(ItemTraceOptions.For(ItemTrace.Full, 1)!.Snapshots, Is.True);
        Assert.That(ItemTraceOptions.For(ItemTrace.Actions, 3)!.Snapshots, Is.False);
        Assert.That(ItemTraceOptions.For(ItemTrace.Off, 1), Is.Null);
    }
}
