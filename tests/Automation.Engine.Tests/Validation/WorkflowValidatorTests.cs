using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Model;
using Automation.Engine.Tests.Support;
using Automation.Engine.Validation;

namespace Automation.Engine.Tests.Validation;

public class WorkflowValidatorTests
{
    private static readonly WorkflowValidator Validator = new(ActivityRegistry.Create());

    /// <summary>Start, a Log and End: valid, and the base each case breaks in one way.</summary>
    private static Flow Valid(string id = "valid") => Flow.Create(id)
        .Start()
        .Log("log", "hello")
        .End()
        .Chain("start", "log", "end");

    /// <summary>One broken definition per error code: the errors it must give (code, activity, field), and no others.</summary>
    public static IEnumerable<TestCaseData> OneErrorEach()
    {
        TestCaseData Case(string code, WorkflowDefinition definition, params (string Code, string? ActivityId, string? Field)[] expected) =>
            new TestCaseData(definition, expected) { TestName = "Reports " + code };

        yield return Case("unknown-type",
            Valid().Activity("teleport", "Teleport").Connect("log", "teleport").Build(),
            ("unknown-type", "teleport", "type"));
        yield return Case("missing-input",
            Valid().Activity("silent", "Log").Connect("log", "silent").Build(),
            ("missing-input", "silent", "inputs.message"));
        yield return Case("unknown-input",
            Valid().Activity("loud", "Log", new JsonObject { ["message"] = "hi", ["colour"] = "red" }).Connect("log", "loud").Build(),
            ("unknown-input", "loud", "inputs.colour"));
        yield return Case("invalid-input",
            Valid().Activity("pause", "Delay", new JsonObject { ["duration"] = "soon" }).Connect("log", "pause").Build(),
            ("invalid-input", "pause", "inputs.duration"));
        yield return Case("expression-syntax",
            Valid().Activity("check", "Decision", new JsonObject { ["condition"] = Expr.Js("input.amount >") }).Connect("log", "check").Build(),
            ("expression-syntax", "check", "inputs.condition"));
        yield return Case("expression-syntax in a Switch case",
            Valid().Activity("band", "Switch", new JsonObject
            {
                ["cases"] = new JsonArray(new JsonObject { ["name"] = "Small", ["condition"] = "input.amount <" }),
            }).Connect("log", "band").Build(),
            ("expression-syntax", "band", "inputs.cases[0].condition"));
        yield return Case("template-syntax",
            Valid().Log("greet", Expr.Liquid("Hello {{ input.name")).Connect("log", "greet").Build(),
            ("template-syntax", "greet", "inputs.message"));
        yield return Case("dangling-connection",
            Valid().Connect("log", "ghost").Build(),
            ("dangling-connection", "log", "connections[2].to"));
        yield return Case("unknown-outcome",
            Valid().Log("other", "other").Connect("log", "other", "Maybe").Build(),
            ("unknown-outcome", "log", "connections[2].outcome"));
        yield return Case("unreachable",
            Valid().Log("orphan", "nobody calls me").Build(),
            ("unreachable", "orphan", "connections"));
        yield return Case("cycle",
            Valid().Set("a", "x", 1).Set("b", "x", 2).Connect("log", "a").Chain("a", "b", "a").Build(),
            ("cycle", "b", "connections"));
        yield return Case("no-start",
            Flow.Create("no-start").Log("log", "hello").End().Chain("log", "end").Build(),
            ("no-start", null, "activities"));
        yield return Case("multiple-starts",
            Valid().Start("again").Connect("again", "log").Build(),
            ("multiple-starts", "again", "type"));
        yield return Case("duplicate-activity-id",
            Valid().Log("log", "second").Build(),
            ("duplicate-activity-id", "log", "id"));
        yield return Case("invalid-id",
            Valid("not a valid id!").Build(),
            ("invalid-id", null, "id"));
    }

    [TestCaseSource(nameof(OneErrorEach))]
    public void Reports_the_error_with_its_activity_and_field(WorkflowDefinition definition, (string Code, string? ActivityId, string? Field)[] expected)
    {
        var errors = Validator.Validate(definition);

        Assert.That(errors.Select(e => (e.Code, e.ActivityId, e.Field)), Is.EquivalentTo(expected), string.Join("\n", errors));
        Assert.That(errors.Select(e => e.Message), Is.All.Not.Empty);
    }

    [Test]
    public void The_base_definition_of_the_cases_is_valid()
    {
        Assert.That(Validator.Validate(Valid().Build()), Is.Empty);
    }

    [Test]
    public void Reports_every_error_at_once_each_naming_its_activity_and_field()
    {
        var definition = Valid()
            .Activity("teleport", "Teleport")
            .Activity("silent", "Log")
            .Activity("check", "Decision", new JsonObject { ["condition"] = Expr.Js("1 +") })
            .Connect("log", "teleport")
            .Connect("log", "silent")
            .Connect("silent", "check")
            .Connect("check", "ghost", "True")
            .Build();

        var errors = Validator.Validate(definition);

        Assert.That(errors.Select(e => (e.Code, e.ActivityId, e.Field)), Is.EquivalentTo(new (string, string?, string?)[]
        {
            ("unknown-type", "teleport", "type"),
            ("missing-input", "silent", "inputs.message"),
            ("expression-syntax", "check", "inputs.condition"),
            ("dangling-connection", "check", "connections[5].to"),
        }));
        Assert.That(errors.Select(e => e.ToString()), Has.Member("activity 'silent' inputs.message: 'message' is required."));
    }

    [Test]
    public void Ports_of_a_human_task_come_from_its_outcomes()
    {
        var definition = Flow.Create("task-ports")
            .Start()
            .Activity("approve", "HumanTask", new JsonObject { ["title"] = "Approve", ["outcomes"] = new JsonArray("Approve", "Reject") })
            .Log("yes", "yes").Log("maybe", "maybe")
            .Connect("start", "approve")
            .Connect("approve", "yes", "Approve")
            .Connect("approve", "maybe", "Maybe")
            .Build();

        var errors = Validator.Validate(definition);

        Assert.That(errors.Single().Code, Is.EqualTo("unknown-outcome"));
        Assert.That(errors.Single().Message, Does.Contain("its outcomes are Approve, Reject"));
    }
}
