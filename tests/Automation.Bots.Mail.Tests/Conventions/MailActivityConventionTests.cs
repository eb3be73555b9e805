using System.Reflection;
using Automation.Engine.Activities.Framework;

namespace Automation.Bots.Mail.Tests.Conventions;

/// <summary>The mail module's activities describe themselves fully, as the designer builds its palette from the descriptors alone.</summary>
public class MailActivityConventionTests
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.Create(MailActivities.Assembly);

    public static IEnumerable<TestCaseData> EachMailActivity() =>
        MailActivities.Assembly.GetTypes().Where(t => t.GetCustomAttribute<ActivityAttribute>() is not null)
            .Select(t => new TestCaseData(t.GetCustomAttribute<ActivityAttribute>()!.Type).SetArgDisplayNames(t.Name));

    [Test]
    public void The_module_offers_send_read_and_the_email_trigger()
    {
        var types = MailActivities.Assembly.GetTypes().Select(t => t.GetCustomAttribute<ActivityAttribute>()?.Type).OfType<string>();

        Assert.That(types, Is.EquivalentTo(new[] { "SendEmail", "ReadMailbox", "EmailReceived" }));
    }

    [TestCaseSource(nameof(EachMailActivity))]
    public void Is_described_with_every_input_labelled_and_a_required_credential(string type)
    {
        Assert.That(Registry.TryGet(type, out var activity), Is.True);
        var descriptor = activity.Descriptor;
        var editors = typeof(InputEditors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        Assert.That(activity.ClrType.IsSealed, Is.True);
        Assert.That(descriptor.Category, Is.AnyOf("Mail", "Triggers"));
        Assert.That(descriptor.Description.TrimEnd(), Does.EndWith("."));
        Assert.That(descriptor.Outcomes, Is.EqualTo(new[] { "Done" }));
        foreach (var input in descriptor.Inputs)
        {
            Assert.That(input.Description, Is.Not.Empty, $"{type}.{input.Name}");
            Assert.That(editors, Has.Member(input.Editor), $"{type}.{input.Name}");
        }
        foreach (var output in descriptor.Outputs) Assert.That(output.Description, Is.Not.Empty, $"{type} output {output.Name}");
        var credential = descriptor.Inputs.Single(i => i.Name == "credential");
        Assert.That((credential.Required, credential.Editor), Is.EqualTo((true, InputEditors.Credential)));
    }
}
