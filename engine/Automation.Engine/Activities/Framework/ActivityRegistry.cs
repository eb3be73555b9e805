using System.Collections.Frozen;
using System.Reflection;

namespace Automation.Engine.Activities.Framework;

/// <summary>
/// The activity types known to this process, discovered from <see cref="ActivityAttribute"/> classes.
/// Immutable once built; modules add their assemblies through <see cref="ActivityRegistryBuilder"/>.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly FrozenDictionary<string, ActivityType> _types;

    internal ActivityRegistry(IEnumerable<ActivityType> types)
    {
        _types = types.ToFrozenDictionary(t => t.Descriptor.Type, StringComparer.Ordinal);
        Descriptors = _types.Values.Select(t => t.Descriptor)
            .OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.DisplayName, StringComparer.Ordinal).ToArray();
    }

    /// <summary>All descriptors, ordered by category and name.</summary>
    public IReadOnlyList<ActivityDescriptor> Descriptors { get; }

    /// <summary>Finds a type by name.</summary>
    public bool TryGet(string type, out ActivityType activityType) => _types.TryGetValue(type, out activityType!);

    /// <summary>A registry of the built-in activities plus those in <paramref name="extraAssemblies"/>.</summary>
    public static ActivityRegistry Create(params Assembly[] extraAssemblies)
    {
        var builder = new ActivityRegistryBuilder().AddAssembly(typeof(ActivityRegistry).Assembly);
        foreach (var assembly in extraAssemblies) builder.AddAssembly(assembly);
        return builder.Build();
    }
}

/// <summary>Collects activity classes from assemblies or one by one.</summary>
public sealed class ActivityRegistryBuilder
{
    private readonly Dictionary<string, ActivityType> _types = new(StringComparer.Ordinal);

    /// <summary>Adds every non-abstract <see cref="IActivity"/> class carrying <see cref="ActivityAttribute"/>.</summary>
    public ActivityRegistryBuilder AddAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
            if (!type.IsAbstract && typeof(IActivity).IsAssignableFrom(type) && type.GetCustomAttribute<ActivityAttribute>() is not null)
                Add(type);
        return this;
    }

    /// <summary>Adds one activity class.</summary>
    /// <exception cref="InvalidOperationException">The class is not a valid activity or its type name is taken.</exception>
    public ActivityRegistryBuilder Add(Type type)
    {
        var activityType = ActivityType.FromClass(type);
        if (_types.TryGetValue(activityType.Descriptor.Type, out var existing) && existing.ClrType != type)
            throw new InvalidOperationException(
                $"Activity type name '{activityType.Descriptor.Type}' is used by both {existing.ClrType} and {type}.");
        _types[activityType.Descriptor.Type] = activityType;
        return this;
    }

    /// <summary>Builds the immutable registry.</summary>
    public ActivityRegistry Build() => new(_types.Values);
}
