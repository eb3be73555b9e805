using System.Text.Json.Nodes;
using Automation.Bots.Browser.Targets;

namespace Automation.Bots.Browser.Tests.Targets;

public class TargetTests
{
    [Test]
    public void The_kinds_in_one_object_are_tried_role_label_placeholder_test_id_text_css_then_each_fallback()
    {
        var target = Target.Parse(JsonNode.Parse("""
            { "css": "#invNo", "text": "Invoice", "testId": "inv", "placeholder": "Invoice no", "label": "Invoice number",
              "role": "textbox", "name": "Invoice number",
              "fallbacks": [ "input[name=invoiceNumber]", { "label": "Supplier reference" } ] }
            """));

        Assert.That(target.Alternatives.Select(a => a.ToString()), Is.EqualTo(new[]
        {
            "role textbox \"Invoice number\"", "label \"Invoice number\"", "placeholder \"Invoice no\"", "testId \"inv\"",
            "text \"Invoice\"", "css \"#invNo\"", "css \"input[name=invoiceNumber]\"", "label \"Supplier reference\"",
        }));
    }

    [Test]
    public void Labels_match_whole_by_default_and_text_matches_a_part()
    {
        var target = Target.Parse(JsonNode.Parse("""{ "label": "Amount", "text": "Saved" }"""));

        Assert.That(target.Alternatives.Select(a => a.Exact), Is.EqualTo(new[] { true, false }));
    }

    [TestCase("""{ "lable": "Amount" }""", "'lable' is not a way of finding an element")]
    [TestCase("""{ "role": "buton" }""", "'buton' is not an ARIA role")]
    [TestCase("""{ "label": 5 }""", "'label' must be text")]
    [TestCase("""{ "fallbacks": "#x" }""", "'fallbacks' must be a list")]
    [TestCase("""{ "css": "#a", "fallbacks": [{ "css": "#b", "fallbacks": ["#c"] }] }""", "a fallback cannot have fallbacks")]
    [TestCase("""{ }""", "says nothing to find")]
    [TestCase("42", "expected a CSS selector or an object")]
    public void A_malformed_target_is_refused_with_a_message_naming_the_problem(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Target.Parse(JsonNode.Parse(json)));

        Assert.That(error!.Message, Does.StartWith("Input 'target'").And.Contain(expected));
    }
}
