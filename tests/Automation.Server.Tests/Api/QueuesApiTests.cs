using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Automation.Server.Tests.Api;

[TestFixture]
internal sealed class QueuesApiTests : ServerTestBase
{
    private const string InvoiceSchema = """
        {"type":"object","required":["supplier","amount"],"properties":{"supplier":{"type":"string"},"amount":{"type":"number"},"poNumber":{"type":"string"}}}
        """;

    private async Task<string> NewQueueAsync(int maxAttempts = 3)
    {
        var name = $"invoices-{Guid.NewGuid():N}"[..20];
        var body = $$"""{"description":"Supplier invoices to key","maxAttempts":{{maxAttempts}},"leaseSeconds":120,"slaMinutes":60,"dataSchema":{{InvoiceSchema}}}""";
        var created = await Http.ReadAsync(await Api.PutJsonTextAsync($"/api/queues/{name}", body), 201);
        Assert.That(created["dataSchema"]!["required"]!.AsArray(), Has.Count.EqualTo(2));
        return name;
    }

    [Test]
    public async Task An_operator_adds_invoices_a_bot_takes_and_completes_one_and_the_detail_shows_its_history()
    {
        var queue = await NewQueueAsync();
        using var operatorApi = Server.Client(await Server.CreateKeyAsync($"clerk-{Guid.NewGuid():N}", "operator"));
        var botName = $"ap-bot-{Guid.NewGuid():N}";
        using var bot = Server.Client(await Server.CreateKeyAsync(botName, "bot"));

        var added = await Http.ReadAsync(await operatorApi.PostJsonTextAsync($"/api/queues/{queue}/items", """
            [{"reference":"INV-1","data":{"supplier":"ACME Ltd","amount":120.5}},
             {"reference":"INV-2","priority":"high","data":{"supplier":"Brown & Co","amount":80}}]
            """), 201);
        Assert.That(added["added"]!.AsArray(), Has.Count.EqualTo(2));

        var taken = await Http.ReadAsync(await bot.PostAsync($"/api/queues/{queue}/take", null), 200);
        Assert.That(taken["reference"]!.GetValue<string>(), Is.EqualTo("INV-2"), "high priority first");
        Assert.That(taken["heldBy"]!.GetValue<string>(), Is.EqualTo(botName));
        var id = taken["id"]!.GetValue<string>();
        await Http.ReadAsync(await bot.PostAsync($"/api/queue-items/{id}/heartbeat", null), 200);
        var conflict = await Http.ReadProblemAsync(await Api.PostAsJsonAsync($"/api/queue-items/{id}/complete", new { }), 409);
        Assert.That(conflict["detail"]!.GetValue<string>(), Does.Contain("does not hold it"), "the admin key is not the holder");
        var done = await Http.ReadAsync(await bot.PostAsJsonAsync($"/api/queue-items/{id}/complete", new { output = new { documentNumber = "FIN-42" } }), 200);
        Assert.That(done["status"]!.GetValue<string>(), Is.EqualTo("successful"));

        var detail = await Http.ReadAsync(await operatorApi.GetAsync($"/api/queue-items/{id}"), 200);
        Assert.That(detail["item"]!["output"]!["documentNumber"]!.GetValue<string>(), Is.EqualTo("FIN-42"));
        Assert.That(detail["history"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "added", "taken", "completed" }));

        var list = await Http.ReadAsync(await operatorApi.GetAsync($"/api/queues/{queue}/items?status=new"), 200);
        Assert.That(list["items"]!.AsArray().Select(i => i!["reference"]!.GetValue<string>()), Is.EqualTo(new[] { "INV-1" }));
        var stats = await Http.ReadAsync(await operatorApi.GetAsync($"/api/queues/{queue}/statistics"), 200);
        Assert.That(stats["counts"]!["successful"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(stats["counts"]!["new"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(stats["finished"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(stats["slaBreaches"]!.GetValue<int>(), Is.Zero);
        await Http.ReadProblemAsync(await operatorApi.GetAsync($"/api/queues/{queue}/items?status=done"), 400);
    }

    [Test]
    public async Task Bad_items_are_refused_naming_the_item_and_field_and_duplicates_are_a_conflict()
    {
        var queue = await NewQueueAsync();
        await Http.ReadAsync(await Api.PostJsonTextAsync($"/api/queues/{queue}/items", """{"reference":"INV-1","data":{"supplier":"ACME","amount":1}}"""), 201);

        var invalid = await Http.ReadProblemAsync(await Api.PostJsonTextAsync($"/api/queues/{queue}/items", """
            [{"reference":"INV-7","data":{"supplier":"ACME","amount":1}},{"reference":"INV-8","data":{"supplier":7}}]
            """), 400);
        var fields = invalid["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        Assert.That(fields, Is.EquivalentTo(new[] { "items[1].data.amount", "items[1].data.supplier" }));

        var duplicate = await Http.ReadProblemAsync(await Api.PostJsonTextAsync($"/api/queues/{queue}/items",
            """[{"reference":"INV-9","data":{"supplier":"A","amount":1}},{"reference":"INV-1","data":{"supplier":"A","amount":1}}]"""), 409);
        Assert.That(duplicate["references"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "INV-1" }));
        var all = await Http.ReadAsync(await Api.GetAsync($"/api/queues/{queue}/items"), 200);
        Assert.That(all["items"]!.AsArray(), Has.Count.EqualTo(1), "neither refused batch added anything");

        await Http.ReadProblemAsync(await Api.PostJsonTextAsync($"/api/queues/{queue}/items", "[]"), 400);
        await Http.ReadProblemAsync(await Api.PostJsonTextAsync("/api/queues/no-such-queue/items", """{"reference":"x"}"""), 404);
        var badSetting = await Http.ReadProblemAsync(await Api.PutJsonTextAsync($"/api/queues/{queue}", """{"maxAttempts":0}"""), 400);
        Assert.That(badSetting["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("maxAttempts"));
        Assert.That(badSetting["errors"]![0]!["message"]!.GetValue<string>(), Is.EqualTo("maxAttempts must be between 1 and 100."));
        var badLease = await Http.ReadProblemAsync(await Api.PutJsonTextAsync($"/api/queues/{queue}", """{"leaseSeconds":0}"""), 400);
        Assert.That(badLease["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("leaseSeconds"), "the body's name for the setting");
    }

    [Test]
    public async Task A_csv_upload_maps_columns_to_data_and_the_reference_and_names_the_bad_row()
    {
        var queue = await NewQueueAsync();
        const string csv = "Invoice Number,supplier,amount,priority,deadline\r\n" +
                           "INV-100,\"Smith, Jones & Co\",250.00,high,2030-01-31T17:00:00Z\r\n" +
                           "INV-101,ACME Ltd,99.5,,\r\n";

        var added = await Http.ReadAsync(await Api.PostAsync($"/api/queues/{queue}/items/csv?referenceColumn=Invoice%20Number",
            new StringContent(csv, Encoding.UTF8, "text/csv")), 201);

        var items = added["added"]!.AsArray();
        Assert.That(items.Select(i => i!["reference"]!.GetValue<string>()), Is.EqualTo(new[] { "INV-100", "INV-101" }));
        Assert.That(items[0]!["data"]!["supplier"]!.GetValue<string>(), Is.EqualTo("Smith, Jones & Co"));
        Assert.That(items[0]!["data"]!["amount"]!.GetValue<decimal>(), Is.EqualTo(250m), "the schema types amount as a number");
        Assert.That(items[0]!["priority"]!.GetValue<string>(), Is.EqualTo("high"));
        Assert.That(items[0]!["deadline"]!.GetValue<DateTimeOffset>(), Is.EqualTo(new DateTimeOffset(2030, 1, 31, 17, 0, 0, TimeSpan.Zero)));

        var bad = await Http.ReadProblemAsync(await Api.PostAsync($"/api/queues/{queue}/items/csv?referenceColumn=Invoice%20Number",
            new StringContent("Invoice Number,supplier,amount\nINV-200,ACME,12\nINV-201,ACME,twelve\n", Encoding.UTF8, "text/csv")), 400);
        Assert.That(bad["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("row 3.amount"));
        Assert.That(bad["errors"]![0]!["message"]!.GetValue<string>(), Does.Contain("Row 3, column 'amount': 'twelve' is not a number"));
    }

    [Test]
    public async Task A_system_exception_is_retried_a_business_exception_is_not_and_an_operator_retries_it()
    {
        var queue = await NewQueueAsync(maxAttempts: 2);
        using var bot = Server.Client(await Server.CreateKeyAsync($"bot-{Guid.NewGuid():N}", "bot"));
        await Http.ReadAsync(await Api.PostJsonTextAsync($"/api/queues/{queue}/items", """{"reference":"INV-1","data":{"supplier":"Nobody","amount":1}}"""), 201);

        var id = (await Http.ReadAsync(await bot.PostAsync($"/api/queues/{queue}/take", null), 200))["id"]!.GetValue<string>();
        var retried = await Http.ReadAsync(await bot.PostAsJsonAsync($"/api/queue-items/{id}/fail", new { kind = "system", reason = "finance system timed out" }), 200);
        Assert.That(retried["status"]!.GetValue<string>(), Is.EqualTo("new"));
        await Http.ReadAsync(await bot.PostAsync($"/api/queues/{queue}/take", null), 200);
        var failed = await Http.ReadAsync(await bot.PostAsJsonAsync($"/api/queue-items/{id}/fail", new { kind = "business", reason = "Supplier 'Nobody' does not exist" }), 200);
        Assert.That(failed["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(failed["failureKind"]!.GetValue<string>(), Is.EqualTo("business"));
        Assert.That((await bot.PostAsync($"/api/queues/{queue}/take", null)).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent));

        var missing = await Http.ReadProblemAsync(await bot.PostAsJsonAsync($"/api/queue-items/{id}/fail", new { }), 400);
        Assert.That(missing["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()), Is.EqualTo(new[] { "kind", "reason" }));
        var again = await Http.ReadAsync(await Api.PostAsync($"/api/queue-items/{id}/retry", null), 200);
        Assert.That(again["status"]!.GetValue<string>(), Is.EqualTo("new"));
        await Http.ReadProblemAsync(await Api.PostAsync($"/api/queue-items/{id}/retry", null), 409);
        Assert.That((await Http.ReadAsync(await Api.DeleteAsync($"/api/queue-items/{id}"), 200))["status"]!.GetValue<string>(), Is.EqualTo("deleted"));
        await Http.ReadProblemAsync(await Api.GetAsync("/api/queue-items/no-such-item"), 404);
    }

    [Test]
    public async Task Every_queue_endpoint_needs_a_key_and_the_right_role()
    {
        var queue = await NewQueueAsync();
        using var anonymous = Server.Client(apiKey: null);
        using var bot = Server.Client(await Server.CreateKeyAsync($"bot-{Guid.NewGuid():N}", "bot"));
        using var operatorApi = Server.Client(await Server.CreateKeyAsync($"op-{Guid.NewGuid():N}", "operator"));
        using var owner = Server.Client(await Server.CreateKeyAsync($"owner-{Guid.NewGuid():N}", "processOwner"));

        Assert.That((int)(await anonymous.GetAsync("/api/queues")).StatusCode, Is.EqualTo(401));
        Assert.That((int)(await anonymous.PostAsync($"/api/queues/{queue}/take", null)).StatusCode, Is.EqualTo(401));
        Assert.That((int)(await bot.PutJsonTextAsync($"/api/queues/{queue}", "{}")).StatusCode, Is.EqualTo(403), "bots do not manage queues");
        Assert.That((int)(await operatorApi.PostAsync($"/api/queues/{queue}/take", null)).StatusCode, Is.EqualTo(403), "operators do not take items");
        Assert.That((int)(await owner.PostJsonTextAsync($"/api/queues/{queue}/items", """{"reference":"x"}""")).StatusCode, Is.EqualTo(403));
        Assert.That((int)(await bot.PostAsync("/api/queue-items/any/retry", null)).StatusCode, Is.EqualTo(403), "bots do not retry for operators");
        Assert.That((int)(await owner.GetAsync($"/api/queues/{queue}/statistics")).StatusCode, Is.EqualTo(200), "any role reads");
    }
}
