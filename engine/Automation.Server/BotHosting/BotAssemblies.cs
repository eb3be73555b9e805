using System.Reflection;
using Automation.Bots.Browser.Workers;

namespace Automation.Server.BotHosting;

/// <summary>
/// Finds the bots of assemblies deployed beside the server (<c>Automation:Bots:Assemblies</c>: paths of .dll files), so
/// a council's own bots run without rebuilding the server: every public, non-abstract <see cref="IQueueBot"/> class.
/// </summary>
public static class BotAssemblies
{
    /// <summary>The bot classes of the assemblies listed in <paramref name="section"/>.</summary>
    /// <exception cref="InvalidOperationException">A listed file does not exist, is not a .NET assembly, or holds no bot.</exception>
    public static IReadOnlyList<Type> Load(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var bots = new List<Type>();
        foreach (var entry in section.GetChildren())
        {
            var path = entry.Value;
            if (string.IsNullOrWhiteSpace(path)) continue;
            var full = Path.GetFullPath(path);
            if (!File.Exists(full)) throw new InvalidOperationException($"{entry.Path} names '{path}', which does not exist.");
            Assembly assembly;
            try
            {
                assembly = Assembly.LoadFrom(full);
            }
            catch (BadImageFormatException e)
            {
                throw new InvalidOperationException($"{entry.Path} names '{path}', which is not a .NET assembly.", e);
            }

            Type[] types;
            try
            {
                types = assembly.GetExportedTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                // Types that need assemblies the server does not have (a test framework) are not bots; keep the rest.
                types = [.. e.Types.OfType<Type>()];
            }

            var found = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IQueueBot).IsAssignableFrom(t)).ToList();
            if (found.Count == 0) throw new InvalidOperationException($"{entry.Path} names '{path}', which holds no public IQueueBot class.");
            bots.AddRange(found);
        }

        return bots;
    }
}
