using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Model;
using Automation.Engine.Persistence.InMemory;
using Automation.Engine.Serialization;

namespace Automation.Engine.Tests.Persistence;

/// <summary>
/// The in-memory store copies definitions field by field (for speed). A field added to the model and not to the copy
/// would silently vanish, so this test fills every field and checks that every one comes back.
/// </summary>
public class InMemoryDefinitionCopyTests
{
    [Test]
    public async Task Every_field_of_a_definition_survives_the_in_memory_store()
    {
        var definition = new WorkflowDefinition
        {
            Id = "every-field",
            Name = "Every field",
            Description = "All of them set",
            Inputs = [new WorkflowParameter { Name = "a", Type = ValueTypes.String, Required = true, Description = "d", Default = "x", Secret = true }],
            Outputs = [new WorkflowParameter { Name = "b", Type = ValueTypes.Number, Required = true, Description = "d", Default = 1, Secret = true }],
            Variables = [new VariableDefinition { Name = "c", Type = ValueTypes.Object, Default = new JsonObject { ["k"] = 1 }, Secret = true }],
            Activities =
            [
                new ActivityNode
                {
                    Id = "n", Type = "Log", DisplayName = "Say", Inputs = new() { ["message"] = "hi" }, Position = new Position(1, 2),
                    Retry = new RetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromSeconds(3), BackoffMultiplier = 3, MaxDelay = TimeSpan.FromMinutes(1), Jitter = 0.5 },
                },
            ],
            Connections = [new Connection { Source = "n", Outcome = "Other", Target = "n" }],
        };
        AssertEveryPropertySet(definition, "definition");
        var store = new InMemoryDefinitionStore(new InMemoryStore());

        await store.SaveDraftAsync(definition, "test");
        var copy = (await store.GetLatestAsync("every-field"))!.Definition;

        Assert.That(JsonSerializer.Serialize(copy, EngineJson.Options), Is.EqualTo(JsonSerializer.Serialize(definition, EngineJson.Options)));
    }

    // Fails when a model property is left at its default in the sample above: set it there when you add one.
    private static void AssertEveryPropertySet(object value, string path)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var item = property.GetValue(value);
            var where = $"{path}.{property.Name}";
            Assert.That(item, Is.Not.Null, $"{where} is not set in the sample");
            if (item is bool b) Assert.That(b, Is.True, $"{where} is false in the sample");
            if (item is string s) Assert.That(s, Is.Not.Empty, $"{where} is empty in the sample");
            if (item is ICollection { Count: 0 }) Assert.Fail($"{where} is empty in the sample");
            if (item is IEnumerable list and not string and not JsonNode and not IDictionary)
                foreach (var element in list) AssertEveryPropertySet(element!, where + "[]");
            else if (item!.GetType().Namespace == typeof(WorkflowDefinition).Namespace && item is not Position)
                AssertEveryPropertySet(item, where);
        }
    }
}
