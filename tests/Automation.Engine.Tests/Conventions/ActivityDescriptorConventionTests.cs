using System.Reflection;
using Automation.Engine.Activities.Framework;

namespace Automation.Engine.Tests.Conventions;

/// <summary>
/// Every built-in activity describes itself fully, because the designer builds its palette and property panel from
/// these descriptors alone (<c>GET /api/activities</c>).
/// </summary>
public class ActivityDescriptorConventionTests
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.Create();

    private static IReadOnlyList<ActivityDescriptor> Descriptors => Registry.Descriptors;

    private static IEnumerable<Type> ActivityClasses() =>
        typeof(ActivityRegistry).Assembly.GetTypes().Where(t => t.GetCustomAttribute<ActivityAttribute>() is not null);

    public static IEnumerable<TestCaseData> EachActivity() =>
        ActivityRegistry.Create().Descriptors.Select(d => new TestCaseData(d.Type).SetArgDisplayNames(d.Type));

    private static ActivityDescriptor Describe(string type) => Registry.TryGet(type, out var t) ? t.Descriptor : throw new AssertionException(type);

    [Test]
    public void The_built_in_activities_are_all_registered_under_unique_type_names()
    {
        var classes = ActivityClasses().ToList();
        var names = classes.Select(c => c.GetCustomAttribute<ActivityAttribute>()!.Type).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(Descriptors.Select(d => d.Type), Is.EquivalentTo(names));
        Assert.That(names, Is.SupersetOf(new[]
        {
            "Start", "End", "SetVariable", "Log", "Decision", "Switch", "ForEach", "While", "Fork", "Join",
            "RunWorkflow", "Delay", "WaitForSignal", "HumanTask", "HttpRequest", "Script", "Fail",
        }));
    }

    [TestCaseSource(nameof(EachActivity))]
    public void Is_a_sealed_class_with_a_category_a_display_name_and_a_description(string type)
    {
        Registry.TryGet(type, out var activityType);
        var descriptor = activityType.Descriptor;

        Assert.That(activityType.ClrType.IsSealed, Is.True, "one activity, one small sealed class");
        Assert.That(descriptor.Category, Is.Not.Empty.And.Not.EqualTo("General"), "set a palette category");
        Assert.That(descriptor.DisplayName, Is.Not.Empty);
        Assert.That(descriptor.Description, Is.Not.Empty);
        Assert.That(descriptor.Description.TrimEnd(), Does.EndWith("."));
    }

    [TestCaseSource(nameof(EachActivity))]
    public void Every_input_has_a_display_name_a_description_and_a_known_editor(string type)
    {
        var descriptor = Describe(type);
        var editors = typeof(InputEditors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        Assert.That(descriptor.Inputs.Select(i => i.Name), Is.Unique);
        foreach (var input in descriptor.Inputs)
        {
            Assert.That(input.DisplayName, Is.Not.Empty, $"{type}.{input.Name}");
            Assert.That(input.Description, Is.Not.Empty, $"{type}.{input.Name}");
            Assert.That(char.IsLower(input.Name[0]), Is.True, $"{type}.{input.Name} is camelCase");
            Assert.That(editors, Has.Member(input.Editor), $"{type}.{input.Name}");
        }
    }

    [TestCaseSource(nameof(EachActivity))]
    public void Every_output_field_has_a_description(string type)
    {
        foreach (var output in Describe(type).Outputs)
            Assert.That(output.Description, Is.Not.Empty, $"{type} output {output.Name}");
    }

    [TestCaseSource(nameof(EachActivity))]
    public void Declares_its_outcome_ports_once(string type)
    {
        var descriptor = Describe(type);

        Assert.That(descriptor.Outcomes, Is.Unique);
        if (descriptor.DynamicOutcomesInput is { } input)
            Assert.That(descriptor.Inputs.Select(i => i.Name), Has.Member(input), "the input that lists the ports exists");
        if (descriptor.IsLoop)
            Assert.That(descriptor.Outcomes, Is.SupersetOf(new[] { "Body", "Done" }));
    }

    [Test]
    public void Only_the_activities_that_end_a_path_have_no_outcome_ports()
    {
        var portless = Descriptors.Where(d => d.Outcomes.Count == 0 && d.DynamicOutcomesInput is null).Select(d => d.Type);

        Assert.That(portless, Is.EquivalentTo(new[] { "End", "Fail" }));
    }
}
