using Automation.Engine.Triggers;

namespace Automation.Engine.Tests.Triggers;

/// <summary>
/// Event instance ids are stored (hook, file, queue-item and bot-review instances exist under them), so the derivation
/// must never change: the expected values are SHA-256 of the parts joined by NUL, computed outside .NET.
/// </summary>
public class EventInstanceIdsTests
{
    [TestCase(new[] { "hook", "trg-1", "key-42" }, "450486ee6b6f17a79d551ebf25e2ac90")]
    [TestCase(new[] { "file", "t", "in/ä.csv", "12" }, "ad45cc7cd4fe406fb6b6a59fa87e735e")]
    [TestCase(new[] { "bot-review", "item-1", "3" }, "d062254c0f1aedf0b3b61137035cb9fa")]
    public void The_id_of_an_event_is_the_one_earlier_versions_gave_it(string[] parts, string expected) =>
        Assert.That(EventInstanceIds.For(parts), Is.EqualTo(expected));

    [Test]
    public void Parts_are_kept_apart_so_moving_a_character_between_them_gives_another_id() =>
        Assert.That(EventInstanceIds.For("a", "bc"), Is.Not.EqualTo(EventInstanceIds.For("ab", "c")));

    [Test]
    public void No_parts_is_refused_with_a_message_saying_what_to_give()
    {
        var error = Assert.Throws<ArgumentException>(() => EventInstanceIds.For());
        Assert.That(error!.Message, Does.Contain("at least one part"));
    }
}
