using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Test]
    public async Task Initializing_again_changes_nothing_and_keeps_the_data()
    {
        var id = NewId("def");
        await Definitions.SaveDraftAsync(Definition(id), null);

        await Initializer.InitializeAsync();
        await Initializer.InitializeAsync();

        Assert.That(await Definitions.GetLatestAsync(id), Is.Not.Null);
    }

    [Test]
    public async Task Ping_answers_true()
    {
        Assert.That(await Initializer.PingAsync(), Is.True);
    }
}
