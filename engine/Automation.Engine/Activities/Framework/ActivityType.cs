using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Automation.Engine.Serialization;

namespace Automation.Engine.Activities.Framework;

/// <summary>A registered activity class: its descriptor, a factory and the setters of its inputs.</summary>
public sealed partial class ActivityType
{
    private readonly Func<IActivity> _factory;

    private ActivityType(Type clrType, ActivityDescriptor descriptor, Func<IActivity> factory, IReadOnlyList<InputProperty> inputs)
    {
        ClrType = clrType;
        Descriptor = descriptor;
        _factory = factory;
        Inputs = inputs;
    }

    /// <summary>The implementing class.</summary>
    public Type ClrType { get; }

    /// <summary>What the designer shows.</summary>
    public ActivityDescriptor Descriptor { get; }

    /// <summary>The bindable inputs, in declaration order.</summary>
    public IReadOnlyList<InputProperty> Inputs { get; }

    /// <summary>A new, unbound instance.</summary>
    public IActivity Create() => _factory();

    /// <summary>Builds the type from an activity class.</summary>
    /// <exception cref="InvalidOperationException">The class lacks the attribute or a parameterless constructor.</exception>
    public static ActivityType FromClass(Type type)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{type} has no [Activity] attribute.");
        if (type.GetConstructor(Type.EmptyTypes) is null)
            throw new InvalidOperationException($"Activity {type} needs a public parameterless constructor.");
        if (attribute.IsTrigger != typeof(Triggers.ITriggerActivity).IsAssignableFrom(type))
            throw new InvalidOperationException($"Activity {type} must both be marked IsTrigger and implement ITriggerActivity, or neither.");
        var factory = Expression.Lambda<Func<IActivity>>(Expression.Convert(Expression.New(type), typeof(IActivity))).Compile();
        var sample = factory();

        var inputs = new List<InputProperty>();
        var inputDescriptors = new List<InputDescriptor>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<InputAttribute>() is not { } input) continue;
            if (!property.CanWrite) throw new InvalidOperationException($"Input {type.Name}.{property.Name} must be settable.");
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var (valueType, editor, options) = Describe(property.PropertyType, input);
            var defaultValue = property.GetValue(sample) is { } value && !IsEmptyDefault(value)
                ? JsonSerializer.SerializeToNode(value, property.PropertyType, EngineJson.Options) : null;
            inputDescriptors.Add(new InputDescriptor
            {
                Name = name,
                DisplayName = input.DisplayName ?? SplitWords(property.Name),
                Description = input.Description,
                Type = valueType,
                Editor = input.Editor ?? editor,
                Required = input.Required,
                Options = input.Options ?? options,
                Default = defaultValue,
                EvaluatedByActivity = input.EvaluatedByActivity,
                Secret = input.Secret,
            });
            inputs.Add(new InputProperty(name, property, input));
        }

        var descriptor = new ActivityDescriptor
        {
            Type = attribute.Type,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? SplitWords(attribute.Type),
            Description = attribute.Description,
            Inputs = inputDescriptors,
            Outputs = type.GetCustomAttributes<OutputAttribute>().Select(o => new OutputDescriptor(o.Name, o.Type, o.Description)).ToArray(),
            Outcomes = type.GetCustomAttributes<OutcomeAttribute>().Select(o => o.Name).ToArray(),
            DynamicOutcomesInput = attribute.DynamicOutcomesInput,
            IsLoop = attribute.IsLoop,
            IsTrigger = attribute.IsTrigger,
        };
        return new ActivityType(type, descriptor, factory, inputs);
    }

    private static bool IsEmptyDefault(object value) => value switch
    {
        string s => s.Length == 0,
        System.Collections.ICollection c => c.Count == 0,
        _ => false,
    };

    private static (string Type, string Editor, IReadOnlyList<string>? Options) Describe(Type type, InputAttribute input)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum) return ("string", InputEditors.Choice, Enum.GetNames(t));
        if (t == typeof(string)) return ("string", input.Options is null ? InputEditors.Text : InputEditors.Choice, null);
        if (t == typeof(bool)) return ("boolean", InputEditors.Boolean, null);
        if (t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal)) return ("number", InputEditors.Number, null);
        if (t == typeof(TimeSpan)) return ("duration", InputEditors.Duration, null);
        if (t == typeof(DateTimeOffset) || t == typeof(DateTime)) return ("datetime", InputEditors.DateTime, null);
        if (t == typeof(string[]) || t == typeof(List<string>)) return ("array", InputEditors.StringList, null);
        if (t == typeof(JsonObject)) return ("object", InputEditors.Json, null);
        if (t == typeof(JsonArray) || (t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t))) return ("array", InputEditors.Json, null);
        if (t == typeof(JsonNode)) return ("any", InputEditors.Json, null);
        return ("object", InputEditors.Json, null);
    }

    private static string SplitWords(string name)
    {
        var words = WordBoundary().Replace(name, " $1").Trim();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordBoundary();
}

/// <summary>An input property of an activity class and how to set it from a JSON value.</summary>
public sealed class InputProperty
{
    private readonly Action<IActivity, object?> _setter;

    internal InputProperty(string name, PropertyInfo property, InputAttribute attribute)
    {
        Name = name;
        Property = property;
        Attribute = attribute;
        var target = Expression.Parameter(typeof(IActivity));
        var value = Expression.Parameter(typeof(object));
        _setter = Expression.Lambda<Action<IActivity, object?>>(
            Expression.Assign(
                Expression.Property(Expression.Convert(target, property.DeclaringType!), property),
                Expression.Convert(value, property.PropertyType)),
            target, value).Compile();
    }

    /// <summary>The input name used in definitions (camelCase of the property).</summary>
    public string Name { get; }

    /// <summary>The property.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The declaration.</summary>
    public InputAttribute Attribute { get; }

    /// <summary>Sets an already converted value.</summary>
    public void Set(IActivity activity, object? value) => _setter(activity, value);

    /// <summary>Converts a JSON value to the property's type.</summary>
    /// <exception cref="FormatException">The value cannot be converted; the message says what was expected.</exception>
    public object? Convert(JsonNode? node) => InputConverter.Convert(node, Property.PropertyType, Name);
}
