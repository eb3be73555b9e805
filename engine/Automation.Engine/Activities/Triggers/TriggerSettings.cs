using System.Text.Json.Nodes;
using Automation.Engine.Activities.Framework;
using Automation.Engine.Expressions;
using Automation.Engine.Model;

namespace Automation.Engine.Activities.Triggers;

/// <summary>Reads a trigger activity's settings from a flowchart node, and binds them to the activity class.</summary>
public static class TriggerSettings
{
    /// <summary>
    /// The node's settings as plain values, with each input's default where the node gives none.
    /// Expression inputs are left out (the validator rejects them on triggers).
    /// </summary>
    public static JsonObject Read(ActivityNode node, ActivityType type)
    {
        var settings = new JsonObject();
        foreach (var input in type.Descriptor.Inputs)
        {
            if (node.Inputs.TryGetValue(input.Name, out var raw) && raw is not null)
            {
                if (InputValue.Parse(raw) is InputValue.Literal literal) settings[input.Name] = literal.Value?.DeepClone();
            }
            else if (input.Default is not null)
            {
                settings[input.Name] = input.Default.DeepClone();
            }
        }
        return settings;
    }

    /// <summary>A new trigger activity of <paramref name="type"/> with <paramref name="settings"/> bound to its inputs.</summary>
    /// <exception cref="FormatException">A setting has the wrong type; the message names it.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="type"/> is not a trigger.</exception>
    public static ITriggerActivity Bind(ActivityType type, JsonObject settings)
    {
        if (type.Create() is not ITriggerActivity activity)
            throw new InvalidOperationException($"'{type.Descriptor.Type}' is not a trigger activity.");
        foreach (var input in type.Inputs)
        {
            if (settings.TryGetPropertyValue(input.Name, out var value) && value is not null)
                input.Set(activity, input.Convert(value));
        }
        return activity;
    }
}
