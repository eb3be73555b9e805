using Microsoft.Playwright;

namespace Automation.Bots.Browser.Targets;

/// <summary>One way of finding an element: by accessible role and name, label, placeholder, test id, text or CSS.</summary>
/// <param name="Kind">One of <see cref="TargetKinds"/>.</param>
/// <param name="Value">The label, placeholder, test id, text, CSS selector, or (for a role) the role.</param>
/// <param name="Name">For a role: the accessible name.</param>
/// <param name="Exact">Whether text must match whole (case-sensitive) rather than as a part.</param>
public sealed record TargetAlternative(string Kind, string Value, string? Name, bool Exact)
{
    /// <summary>The Playwright locator for this alternative on <paramref name="page"/>.</summary>
    public ILocator Locate(IPage page) => Kind switch
    {
        TargetKinds.Role => page.GetByRole(Enum.Parse<AriaRole>(Value, ignoreCase: true), new PageGetByRoleOptions { Name = Name, Exact = Name is null ? null : Exact }),
        TargetKinds.Label => page.GetByLabel(Value, new PageGetByLabelOptions { Exact = Exact }),
        TargetKinds.Placeholder => page.GetByPlaceholder(Value, new PageGetByPlaceholderOptions { Exact = Exact }),
        TargetKinds.TestId => page.GetByTestId(Value),
        TargetKinds.Text => page.GetByText(Value, new PageGetByTextOptions { Exact = Exact }),
        _ => page.Locator(Value),
    };

    /// <summary>Readable form for the journal, e.g. <c>label "Invoice number"</c>.</summary>
    public override string ToString() => Kind == TargetKinds.Role
        ? Name is null ? $"role {Value}" : $"role {Value} \"{Name}\""
        : $"{Kind} \"{Value}\"";
}

/// <summary>The kinds of <see cref="TargetAlternative"/>, in the order they are tried within one target object.</summary>
public static class TargetKinds
{
    public const string Role = "role";
    public const string Label = "label";
    public const string Placeholder = "placeholder";
    public const string TestId = "testId";
    public const string Text = "text";
    public const string Css = "css";

    /// <summary>Preference order: what a person sees first, page structure last.</summary>
    public static readonly IReadOnlyList<string> Order = [Role, Label, Placeholder, TestId, Text, Css];
}
