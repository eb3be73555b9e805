using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;

namespace Automation.Engine.Expressions;

/// <summary>Renders Liquid templates (Fluid) with <c>input</c>, <c>variables</c>, <c>activities</c> and <c>instance</c> in scope.</summary>
public sealed class LiquidRenderer
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options = new() { MaxRecursion = 32 };

    /// <summary>Renders <paramref name="template"/>.</summary>
    /// <exception cref="ExpressionException">The template does not parse or fails to render.</exception>
    public string Render(string template, ExpressionScope scope)
    {
        var parsed = _templates.GetOrAdd(template, static t =>
            Parser.TryParse(t, out var result, out var error) ? result
                : throw new ExpressionException($"Liquid template `{Shorten(t)}` does not parse: {error}"));
        var context = new TemplateContext(_options);
        context.SetValue("input", ToClr(scope.Input));
        if (template.Contains("variables", StringComparison.Ordinal)) context.SetValue("variables", ToClr(scope.Variables));
        if (template.Contains("activities", StringComparison.Ordinal)) context.SetValue("activities", ToClr(scope.Activities));
        if (template.Contains("instance", StringComparison.Ordinal)) context.SetValue("instance", ToClr(scope.Instance));
        try
        {
            return parsed.Render(context);
        }
        catch (Exception ex) when (ex is not ExpressionException)
        {
            throw new ExpressionException($"Liquid template `{Shorten(template)}` failed: {ex.Message}", ex);
        }
    }

    /// <summary>Returns the parse error of <paramref name="template"/>, or null when it parses.</summary>
    public static string? CheckSyntax(string template) =>
        Parser.TryParse(template, out _, out var error) ? null : error;

    // Fluid reads dictionaries and lists natively; JsonNode it does not.
    private static object? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToClr(p.Value)),
        JsonArray array => array.Select(ToClr).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => Serialization.JsonNumbers.ToDecimalOrDouble(value),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    private static string Shorten(string code) => code.Length > 80 ? code[..77] + "..." : code;
}
