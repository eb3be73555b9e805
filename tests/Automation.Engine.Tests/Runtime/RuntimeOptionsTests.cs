using Automation.Engine.Runtime;

namespace Automation.Engine.Tests.Runtime;

public class RuntimeOptionsTests
{
    [Test]
    public void The_default_node_id_names_the_machine_is_unique_per_options_and_fits_40_characters()
    {
        var first = new RuntimeOptions().NodeId;
        var second = new RuntimeOptions().NodeId;

        Assert.That(first, Does.StartWith(Environment.MachineName.Length >= 40 ? Environment.MachineName[..40] : Environment.MachineName));
        Assert.That(first.Length, Is.LessThanOrEqualTo(40));
        Assert.That(second, Is.Not.EqualTo(first).Or.Length.EqualTo(40), "the random part is kept unless a long machine name cuts it off");
    }
}
