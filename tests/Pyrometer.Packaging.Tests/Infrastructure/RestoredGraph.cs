using System.Text.Json;

namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>
/// What a consumer project's restore resolved (its obj/project.assets.json): every package in the dependency
/// closure per target framework, and the shared frameworks (such as Microsoft.AspNetCore.App) those packages ask for.
/// </summary>
internal sealed class RestoredGraph
{
    private RestoredGraph(IReadOnlyDictionary<string, IReadOnlyList<string>> packages, IReadOnlyDictionary<string, IReadOnlyList<string>> frameworks)
    {
        Packages = packages;
        FrameworkReferences = frameworks;
    }

    /// <summary>Gets the package ids of the closure, by target framework.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Packages { get; }

    /// <summary>Gets the framework references of the closure's packages, by target framework.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FrameworkReferences { get; }

    public static RestoredGraph Read(string assetsPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(assetsPath));
        var packages = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var frameworks = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var target in document.RootElement.GetProperty("targets").EnumerateObject())
        {
            var ids = new List<string>();
            var references = new List<string>();
            foreach (var library in target.Value.EnumerateObject())
            {
                ids.Add(library.Name[..library.Name.IndexOf('/', StringComparison.Ordinal)]);
                if (library.Value.TryGetProperty("frameworkReferences", out var list))
                {
                    references.AddRange(list.EnumerateArray().Select(reference => reference.GetString()!));
                }
            }

            packages[target.Name] = ids;
            frameworks[target.Name] = references.Distinct(StringComparer.Ordinal).ToArray();
        }

        return new RestoredGraph(packages, frameworks);
    }
}
