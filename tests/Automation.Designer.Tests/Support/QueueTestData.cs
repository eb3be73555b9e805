using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Automation.Designer.Tests.Support;

/// <summary>Arranges work queues and their items through the API, as operators and bots would (docs/queues.md).</summary>
public static class QueueTestData
{
    /// <summary>Creates (or changes) queue <paramref name="name"/> with PUT /api/queues/{name}.</summary>
    public static async Task CreateQueueAsync(this DesignerServer server, string name, object settings)
    {
        using var client = server.Client();
        using var response = await client.PutAsJsonAsync($"/api/queues/{name}", settings);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"PUT /api/queues/{name}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Adds items (anonymous objects shaped like the API's item) and returns their ids, in order.</summary>
    public static async Task<List<string>> AddItemsAsync(this DesignerServer server, string queue, params object[] items)
    {
        using var client = server.Client();
        using var response = await client.PostAsJsonAsync($"/api/queues/{queue}/items", items);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["added"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
    }

    /// <summary>Takes the queue's next item with <paramref name="apiKey"/> (an admin or bot key) and returns its id.</summary>
    public static async Task<string> TakeAsync(this DesignerServer server, string queue, string apiKey = DesignerServer.AdminKey)
    {
        using var client = server.Client(apiKey);
        using var response = await client.PostAsync($"/api/queues/{queue}/take", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"take from {queue}: {await response.Content.ReadAsStringAsync()}");
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>Completes a held item with <paramref name="output"/>.</summary>
    public static async Task CompleteAsync(this DesignerServer server, string itemId, object output, string apiKey = DesignerServer.AdminKey)
    {
        using var client = server.Client(apiKey);
        using var response = await client.PostAsJsonAsync($"/api/queue-items/{itemId}/complete", new { output });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Fails a held item as a business or system exception, with an optional reason code.</summary>
    public static async Task FailAsync(this DesignerServer server, string itemId, string kind, string reason, string? code = null, string apiKey = DesignerServer.AdminKey)
    {
        using var client = server.Client(apiKey);
        using var response = await client.PostAsJsonAsync($"/api/queue-items/{itemId}/fail", new { kind, reason, code });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>An item as the API shows it (the <c>item</c> of GET /api/queue-items/{id}).</summary>
    public static async Task<JsonObject> ReadItemAsync(this DesignerServer server, string itemId)
    {
        using var client = server.Client();
        return (await client.GetFromJsonAsync<JsonObject>($"/api/queue-items/{itemId}"))!["item"]!.AsObject();
    }

    /// <summary>
    /// Waits (up to 60 s, for the bot host on a busy machine) until the item has <paramref name="status"/>, and returns it.
    /// </summary>
    public static async Task<JsonObject> WaitForItemAsync(this DesignerServer server, string itemId, string status)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        JsonObject item;
        do
        {
            item = await server.ReadItemAsync(itemId);
            if ((string?)item["status"] == status) return item;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);
        Assert.Fail($"Item {item["reference"]} is still {item["status"]}, not {status}: {item.ToJsonString()}");
        return item;
    }
}
