using System.Text.Json.Nodes;
using Automation.Bots.Browser.Workers;
using Automation.Engine.Model;
using Automation.Engine.Persistence;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Queues;
using Automation.Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Automation.Bots.Browser.Tests.Workers;

/// <summary>
/// The review of a business exception starts at least once: an item the bot failed whose review never started (the
/// process died between the two, or the start failed) gets exactly one review from the sweep, and sweeping again starts
/// none. Real runtime on an in-memory store; the items are failed through the queue store as a worker fails them.
/// </summary>
public class BotReviewSweepTests
{
    private const string Queue = "supplier-invoices";
    private const string Review = "invoice-review";
    private static readonly BotPoolOptions Pool = new() { Bot = "invoice-entry", Queue = Queue, BusinessExceptionWorkflow = Review };

    private EngineHarness _engine = null!;
    private InMemoryWorkQueueStore _queues = null!;
    private BotReviewSweep _sweep = null!;

    [SetUp]
    public async Task CreateEngine()
    {
        _engine = EngineHarness.Create();
        _queues = new InMemoryWorkQueueStore();
        await _queues.SaveQueueAsync(new WorkQueue { Name = Queue }, DateTimeOffset.UtcNow);
        _sweep = new BotReviewSweep(_queues, new BotReviewStarter(_engine.Runtime, _engine.Instances, _queues, NullLogger.Instance), TimeProvider.System,
            NullLogger.Instance);
    }

    [TearDown]
    public async Task DisposeEngine() => await _engine.DisposeAsync();

    private Task PublishReviewAsync() => _engine.PublishAsync(Flow.Create(Review).Start().End().Chain("start", "end").Build());

    /// <summary>Adds an item, has <paramref name="worker"/> take it and fail it as <paramref name="kind"/>: what a worker does before it starts the review.</summary>
    private async Task<QueueItem> FailAsync(string reference, string worker = "invoice-entry@node1#1-a1b2c3", QueueFailureKind kind = QueueFailureKind.Business,
        DateTimeOffset? at = null)
    {
        var now = at ?? DateTimeOffset.UtcNow;
        await _queues.AddItemsAsync(Queue, [new NewQueueItem { Reference = reference, Data = new JsonObject { ["supplier"] = "ACME Ltd" } }], "test", now);
        var item = await _queues.TakeNextAsync(Queue, worker, now);
        Assert.That(item?.Reference, Is.EqualTo(reference));
        var failed = await _queues.FailAsync(item!.Id, worker, kind, $"Supplier ACME Ltd of {reference} does not exist.", "unknown-supplier", now);
        return failed!.Item;
    }

    private async Task<IReadOnlyList<InstanceSummary>> ReviewsAsync() =>
        (await _engine.Instances.ListAsync(new InstanceQuery { DefinitionId = Review, PageSize = 100 })).Items;

    [Test]
    public async Task A_failed_item_whose_review_never_started_gets_exactly_one_and_a_second_sweep_starts_none()
    {
        await PublishReviewAsync();
        var item = await FailAsync("INV-1");

        var first = await _sweep.SweepAsync(Pool, TimeSpan.FromDays(1), CancellationToken.None);
        var second = await _sweep.SweepAsync(Pool, TimeSpan.FromDays(1), CancellationToken.None);

        Assert.That((first, second), Is.EqualTo((1, 0)));
        var reviews = await ReviewsAsync();
        Assert.That(reviews.Select(r => r.Id), Is.EqualTo(new[] { BotReviewStarter.InstanceIdFor(item.Id, 1) }), "the id the worker would have used");
        var review = await _engine.GetAsync(reviews[0].Id);
        Assert.That(review.Input.ToJsonString(), Is.EqualTo(new JsonObject
        {
            ["itemId"] = item.Id, ["queue"] = Queue, ["reference"] = "INV-1", ["reason"] = "Supplier ACME Ltd of INV-1 does not exist.",
            ["code"] = "unknown-supplier", ["data"] = new JsonObject { ["supplier"] = "ACME Ltd" },
        }.ToJsonString()));
    }

    [Test]
    public async Task A_review_that_could_not_start_is_started_by_the_next_sweep_once()
    {
        await FailAsync("INV-2");

        // The workflow is not published yet: the start fails (logged) and nothing is started.
        var whileUnpublished = await _sweep.SweepAsync(Pool, TimeSpan.FromDays(1), CancellationToken.None);
        await PublishReviewAsync();
        var afterPublish = await _sweep.SweepAsync(Pool, TimeSpan.FromDays(1), CancellationToken.None);
        var again = await _sweep.SweepAsync(Pool, TimeSpan.FromDays(1), CancellationToken.None);

        Assert.That((whileUnpublished, afterPublish, again), Is.EqualTo((0, 1, 0)));
        Assert.That(await ReviewsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_review_the_worker_already_started_is_not_started_again()
    {
        await PublishReviewAsync();
        var item = await FailAsync("INV-3");
        var starter = new BotReviewStarter(_engine.Runtime, _engine.Instances, _queues, NullLogger.Instance);
        var byWorker = await starter.StartAsync(Review, item, item.FailureReason!, item.FailureCode, CancellationToken.None);

        var swept = await _sweep.SweepAsync(Pool, TimeSpan.FromDays(1), CancellationToken.None);

        Assert.That((byWorker, swept), Is.EqualTo((ReviewStart.Started, 0)));
        Assert.That(await ReviewsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_item_an_operator_retried_that_fails_again_gets_a_review_of_its_own()
    {
        await PublishReviewAsync();
        var item = await FailAsync("INV-10");
        var first = await _sweep.SweepAsync(Pool, TimeSpan.FromDays(1), CancellationToken.None);
        // The operator puts the data right and retries: attempts count from 0 again, so the failure is again attempt 1.
        await _queues.RetryAsync(item.Id, "clerk", DateTimeOffset.UtcNow);
        var taken = await _queues.TakeNextAsync(Queue, "invoice-entry@node1#1-a1b2c3", DateTimeOffset.UtcNow);
        await _queues.FailAsync(taken!.Id, "invoice-entry@node1#1-a1b2c3", QueueFailureKind.Business, "Still unknown.", "unknown-supplier", DateTimeOffset.UtcNow);

        var second = await _sweep.SweepAsync(Pool, TimeSpan.FromDays(1), CancellationToken.None);
        var third = await _sweep.SweepAsync(Pool, TimeSpan.FromDays(1), CancellationToken.None);

        Assert.That((first, taken.Attempts, second, third), Is.EqualTo((1, 1, 1, 0)));
        Assert.That((await ReviewsAsync()).Select(r => r.Id).Order(),
            Is.EqualTo(new[] { BotReviewStarter.InstanceIdFor(item.Id, 1), BotReviewStarter.InstanceIdFor(item.Id, 1, operatorRetries: 1) }.Order()));
    }

    [Test]
    public async Task Only_this_bots_business_exceptions_within_the_window_are_reviewed()
    {
        await PublishReviewAsync();
        var mine = await FailAsync("INV-4");
        await FailAsync("INV-5", worker: "starter-leaver@node1#1-a1b2c3");                  // another bot on the same queue
        await FailAsync("INV-6", worker: "queue-trigger:t1");                                // a workflow per item, not a bot
        await FailAsync("INV-7", kind: QueueFailureKind.System);                             // attempts left: back to New
        await FailAsync("INV-8", at: DateTimeOffset.UtcNow - TimeSpan.FromDays(3));         // older than the window

        var swept = await _sweep.SweepAsync(Pool, TimeSpan.FromDays(1), CancellationToken.None);

        Assert.That(swept, Is.EqualTo(1));
        Assert.That((await ReviewsAsync()).Select(r => r.Id), Is.EqualTo(new[] { BotReviewStarter.InstanceIdFor(mine.Id, 1) }));
    }

    [Test]
    public async Task A_pool_with_no_review_workflow_sweeps_nothing()
    {
        await FailAsync("INV-9");

        var swept = await _sweep.SweepAsync(new BotPoolOptions { Bot = "invoice-entry", Queue = Queue }, TimeSpan.FromDays(1), CancellationToken.None);

        Assert.That(swept, Is.Zero);
    }
}
