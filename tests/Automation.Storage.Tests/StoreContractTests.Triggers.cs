using System.Text;
using System.Text.Json.Nodes;
using Automation.Engine.Triggers;
using static Automation.Storage.Tests.TestData;

namespace Automation.Storage.Tests;

public abstract partial class StoreContractTests
{
    private static TriggerRegistration Trigger(string definitionId, string activityId, string type, string? key = null, int version = 1) => new()
    {
        Id = TriggerRegistration.IdOf(definitionId, activityId),
        DefinitionId = definitionId,
        Version = version,
        ActivityId = activityId,
        Type = type,
        Key = key,
        Settings = new JsonObject { ["cron"] = "0 0 7 ? * MON-FRI", ["timeZone"] = "Europe/London" },
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    [Test]
    public async Task Publishing_replaces_a_workflows_triggers_and_keeps_an_operators_pause()
    {
        var workflow = NewId("nightly-report");
        var type = NewId("Schedule");
        await Triggers.ReplaceAsync(workflow, [Trigger(workflow, "every-morning", type), Trigger(workflow, "old", type)]);
        Assert.That(await Triggers.SetPausedAsync(TriggerRegistration.IdOf(workflow, "every-morning"), true), Is.True);

        await Triggers.ReplaceAsync(workflow, [Trigger(workflow, "every-morning", type, version: 2)]);

        var listed = await Triggers.ListAsync(type);
        Assert.That(listed.Select(t => t.Id), Is.EqualTo(new[] { TriggerRegistration.IdOf(workflow, "every-morning") }), "the trigger the new version dropped is gone");
        Assert.That(listed[0].Version, Is.EqualTo(2));
        Assert.That(listed[0].Paused, Is.True, "a republish keeps the pause");
        Assert.That(listed[0].Settings["cron"]!.GetValue<string>(), Is.EqualTo("0 0 7 ? * MON-FRI"));

        await Triggers.ReplaceAsync(workflow, []);
        Assert.That(await Triggers.ListAsync(type), Is.Empty);
        Assert.That(await Triggers.SetPausedAsync(TriggerRegistration.IdOf(workflow, "every-morning"), false), Is.False, "a removed trigger cannot be paused");
    }

    [Test]
    public async Task A_trigger_key_belongs_to_one_workflow()
    {
        var type = NewId("HttpEndpoint");
        var first = NewId("foi-web-form");
        var second = NewId("other");
        await Triggers.ReplaceAsync(first, [Trigger(first, "hook", type, key: "foi/requests")]);

        var conflict = Assert.ThrowsAsync<TriggerKeyConflictException>(() => Triggers.ReplaceAsync(second, [Trigger(second, "hook", type, key: "foi/requests")]));
        Assert.That(conflict!.OtherDefinitionId, Is.EqualTo(first));
        Assert.That((await Triggers.FindByKeyAsync(type, "foi/requests"))!.DefinitionId, Is.EqualTo(first));
        Assert.That(await Triggers.GetAsync(TriggerRegistration.IdOf(second, "hook")), Is.Null, "the refused registration was not written");

        await Triggers.ReplaceAsync(first, [Trigger(first, "hook", type, key: "foi/requests", version: 2)]);
        Assert.That((await Triggers.FindByKeyAsync(type, "foi/requests"))!.Version, Is.EqualTo(2), "a workflow may keep its own key");
    }

    [Test]
    public async Task A_trigger_keeps_its_newest_events()
    {
        var workflow = NewId("mailbox");
        var triggerId = TriggerRegistration.IdOf(workflow, "inbox");
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            await Triggers.AddEventAsync(new TriggerEvent
            {
                Id = $"{workflow}-{i}", TriggerId = triggerId, At = start.AddSeconds(i), Kind = i == 4 ? TriggerEventKinds.Error : TriggerEventKinds.Fired,
                Message = $"event {i}", InstanceId = i == 4 ? null : $"instance-{i}",
            }, keep: 3);
        }

        var events = await Triggers.ListEventsAsync(triggerId, 10);
        Assert.That(events.Select(e => e.Message), Is.EqualTo(new[] { "event 4", "event 3", "event 2" }), "newest first, three kept");
        Assert.That(events[0].Kind, Is.EqualTo(TriggerEventKinds.Error));
        Assert.That(events[1].InstanceId, Is.EqualTo("instance-3"));
        Assert.That(events[0].At, Is.EqualTo(Automation.Engine.Persistence.StoreTime.Normalize(start.AddSeconds(4))));
        Assert.That(await Triggers.ListEventsAsync(triggerId, 1), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_quarantined_input_is_resolved_once()
    {
        var id = NewId("q");
        await Triggers.AddQuarantinedAsync(new QuarantinedItem
        {
            Id = id, TriggerId = "foi:inbox", Source = "email", Reference = "Quarantine/<abc@council.test>",
            Summary = "From a@b.test: Request for information", Reason = "The message has no body and no From header.",
            DocumentId = "doc-1", QuarantinedAt = DateTimeOffset.UtcNow,
        });

        var listed = await Triggers.ListQuarantinedAsync(QuarantineStatuses.Quarantined, 500);
        Assert.That(listed.Select(q => q.Id), Does.Contain(id));
        var at = DateTimeOffset.UtcNow;
        Assert.That(await Triggers.ResolveQuarantinedAsync(id, QuarantineStatuses.Reprocessed, "operator", at), Is.True);
        Assert.That(await Triggers.ResolveQuarantinedAsync(id, QuarantineStatuses.Discarded, "someone-else", at), Is.False, "already resolved");

        var item = await Triggers.GetQuarantinedAsync(id);
        Assert.That(item!.Status, Is.EqualTo(QuarantineStatuses.Reprocessed));
        Assert.That(item.ResolvedBy, Is.EqualTo("operator"));
        Assert.That(item.Reason, Does.Contain("no From header"));
        Assert.That((await Triggers.ListQuarantinedAsync(QuarantineStatuses.Quarantined, 500)).Select(q => q.Id), Does.Not.Contain(id));
        Assert.That((await Triggers.ListQuarantinedAsync(null, 500)).Select(q => q.Id), Does.Contain(id));
    }

    [Test]
    public async Task A_document_keeps_its_bytes_and_a_fixed_id_stores_it_once()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% invoice INV-2041\n%%EOF\n");
        var saved = await Documents.SaveAsync("INV-2041.pdf", "application/pdf", pdf, instanceId: "inv-1");
        Assert.That(saved.Size, Is.EqualTo(pdf.Length));
        Assert.That(saved.Sha256, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))));
        Assert.That(await Documents.ReadAsync(saved.Id), Is.EqualTo(pdf));
        Assert.That((await Documents.GetAsync(saved.Id))!.Name, Is.EqualTo("INV-2041.pdf"));

        var fixedId = NewId("message-1-attachment-0");
        var first = await Documents.SaveAsync("a.pdf", "application/pdf", pdf, id: fixedId);
        var again = await Documents.SaveAsync("a.pdf", "application/pdf", Encoding.ASCII.GetBytes("changed"), id: fixedId);
        Assert.That(again.Sha256, Is.EqualTo(first.Sha256), "the second save under the same id keeps the first document");
        Assert.That(await Documents.ReadAsync(fixedId), Is.EqualTo(pdf));
        Assert.That(await Documents.ReadAsync(NewId("missing")), Is.Null);
        Assert.That(await Documents.GetAsync(NewId("missing")), Is.Null);
    }
}
