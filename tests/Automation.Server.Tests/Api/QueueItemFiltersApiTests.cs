using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Api;

/// <summary>The item list's filters as an operator clearing failures uses them, and bad values refused naming the parameter.</summary>
[TestFixture]
internal sealed class QueueItemFiltersApiTests : ServerTestBase
{
    /// <summary>
    /// A queue where INV-1 failed as an unknown supplier, INV-2 as a purchase-order mismatch, CR-1 as a system exception
    /// (no attempts left), and INV-3 waits (postponed, so the bot never took it).
    /// </summary>
    private async Task<string> FailedQueueAsync()
    {
        var queue = $"filters-{Guid.NewGuid():N}"[..20];
        await Http.ReadAsync(await Api.PutJsonTextAsync($"/api/queues/{queue}", """{"maxAttempts":1}"""), 201);
        await Http.ReadAsync(await Api.PostJsonTextAsync($"/api/queues/{queue}/items", """
            [{"reference":"INV-1","priority":"high","data":{}},{"reference":"INV-2","data":{}},{"reference":"CR-1","priority":"low","data":{}},
             {"reference":"INV-3","postponeUntil":"2100-01-01T00:00:00Z","data":{}}]
            """), 201);
        foreach (var (reference, kind, code) in new[] { ("INV-1", "business", "unknown-supplier"), ("INV-2", "business", "po-mismatch"), ("CR-1", "system", "TimeoutException") })
        {
            var taken = await Http.ReadAsync(await Api.PostAsync($"/api/queues/{queue}/take", null), 200);
            Assert.That(taken["reference"]!.GetValue<string>(), Is.EqualTo(reference));
            await Http.ReadAsync(await Api.PostAsJsonAsync($"/api/queue-items/{taken["id"]}/fail", new { kind, reason = "because", code }), 200);
        }

        return queue;
    }

    private async Task<string[]> ReferencesAsync(string queue, string query)
    {
        var page = await Http.ReadAsync(await Api.GetAsync($"/api/queues/{queue}/items?{query}"), 200);
        return page["items"]!.AsArray().Select(i => i!["reference"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
    }

    [Test]
    public async Task An_operator_lists_the_failures_by_kind_reason_reference_and_dates()
    {
        var queue = await FailedQueueAsync();

        Assert.That(await ReferencesAsync(queue, "failureKind=business"), Is.EqualTo(new[] { "INV-1", "INV-2" }));
        Assert.That(await ReferencesAsync(queue, "failureKind=System&failureCode=TimeoutException"), Is.EqualTo(new[] { "CR-1" }), "enum values in any case");
        Assert.That(await ReferencesAsync(queue, "status=failed&failureCode=unknown-supplier"), Is.EqualTo(new[] { "INV-1" }));
        Assert.That(await ReferencesAsync(queue, "failureCode=no-such-code"), Is.Empty);
        Assert.That(await ReferencesAsync(queue, "referencePrefix=INV-"), Is.EqualTo(new[] { "INV-1", "INV-2", "INV-3" }));
        Assert.That(await ReferencesAsync(queue, "addedFrom=2000-01-01&addedTo=2100-01-01T00:00:00Z"), Is.EqualTo(new[] { "CR-1", "INV-1", "INV-2", "INV-3" }));
        Assert.That(await ReferencesAsync(queue, "addedTo=2000-01-01"), Is.Empty);
        Assert.That(await ReferencesAsync(queue, $"updatedFrom={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}"), Is.Empty);
        Assert.That(await ReferencesAsync(queue, "status=failed&updatedFrom=2000-01-01T00:00:00%2B01:00&failureKind="), Is.EqualTo(new[] { "CR-1", "INV-1", "INV-2" }),
            "an offset is honoured and an empty parameter is no filter");
    }

    [TestCase("failureKind=fatal", "failureKind", "'fatal' is not a valid failureKind; use one of: business, system.")]
    [TestCase("status=done", "status", "'done' is not a valid status; use one of:")]
    [TestCase("addedFrom=yesterday", "addedFrom", "'yesterday' is not a valid addedFrom; give a date and time in ISO 8601")]
    [TestCase("updatedTo=31/12/2026", "updatedTo", "'31/12/2026' is not a valid updatedTo")]
    [TestCase("updatedFrom=2026-02-01&updatedTo=2026-01-01", "updatedFrom", "updatedFrom must be before updatedTo.")]
    [TestCase("addedFrom=2026-01-01&addedTo=2026-01-01", "addedFrom", "addedFrom must be before addedTo.")]
    public async Task A_bad_filter_is_a_400_naming_the_parameter(string query, string field, string message)
    {
        var queue = await FailedQueueAsync();
        var problem = await Http.ReadProblemAsync(await Api.GetAsync($"/api/queues/{queue}/items?{query}"), 400);
        Assert.That(problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()), Is.EqualTo(new[] { field }));
        Assert.That(problem["errors"]![0]!["message"]!.GetValue<string>(), Does.StartWith(message));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(field));
    }

    [Test]
    public async Task Every_bad_filter_is_named_at_once_and_a_long_prefix_is_refused()
    {
        var queue = await FailedQueueAsync();
        var problem = await Http.ReadProblemAsync(await Api.GetAsync($"/api/queues/{queue}/items?failureKind=x&addedTo=y&referencePrefix={new string('A', 201)}"), 400);
        Assert.That(problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()), Is.EquivalentTo(new[] { "failureKind", "addedTo", "referencePrefix" }));
        await Http.ReadProblemAsync(await Api.GetAsync("/api/queues/no-such-queue/items?failureKind=business"), 404);
    }
}
