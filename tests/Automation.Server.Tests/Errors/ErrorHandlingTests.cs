using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Server.Tests.Errors;

[TestFixture]
internal sealed class ErrorHandlingTests : ServerTestBase
{
    [Test]
    public async Task Malformed_definition_json_is_400_naming_the_line()
    {
        var problem = await Http.ReadProblemAsync(await Api.PostJsonTextAsync("/api/workflow-definitions", "{\n  \"id\": \"x\",\n  \"name\": oops\n}"), 400);
        Assert.That(problem["title"]!.GetValue<string>(), Does.Contain("not valid JSON"));
        Assert.That(problem["line"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(problem["traceId"], Is.Not.Null);
    }

    [Test]
    public async Task Malformed_json_in_a_bound_body_is_400_naming_the_path()
    {
        var id = await Api.PublishAsync(Flows.Greeting());
        var problem = await Http.ReadProblemAsync(await Api.PostJsonTextAsync($"/api/workflow-definitions/{id}/instances", "{\"input\": {\"name\": }"), 400);
        Assert.That(problem["title"]!.GetValue<string>(), Does.Contain("not valid JSON"));
        Assert.That(problem["path"]!.GetValue<string>(), Does.StartWith("$.input"));
    }

    [Test]
    public async Task Empty_definition_body_is_400()
    {
        var problem = await Http.ReadProblemAsync(await Api.PostJsonTextAsync("/api/workflow-definitions", ""), 400);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("empty"));
    }

    [Test]
    public async Task Bad_query_values_are_400()
    {
        var problem = await Http.ReadProblemAsync(await Api.GetAsync("/api/workflow-instances?pageSize=lots"), 400);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("pageSize"));
    }

    [Test]
    public async Task Unknown_routes_are_404_problems()
    {
        await Http.ReadProblemAsync(await Api.GetAsync("/api/no-such-thing"), 404);
    }

    [Test]
    public async Task Unexpected_errors_are_500_without_internals()
    {
        // The handler is what every endpoint relies on: drive it directly with an exception carrying internals.
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = Server.Services };
        context.Response.Body = new MemoryStream();
        var handler = Server.Services.GetServices<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>().Single();
        var handled = await handler.TryHandleAsync(context, new InvalidOperationException("connection string Password=hunter2"), CancellationToken.None);
        Assert.That(handled, Is.True);
        Assert.That(context.Response.StatusCode, Is.EqualTo(500));
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.That(body, Does.Not.Contain("hunter2").And.Not.Contain("InvalidOperationException"));
        Assert.That(JsonNode.Parse(body)!["title"]!.GetValue<string>(), Is.EqualTo("An unexpected error occurred"));
    }
}
