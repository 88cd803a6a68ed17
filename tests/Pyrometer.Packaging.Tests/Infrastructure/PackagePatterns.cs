namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>
/// Packages a consumer's restored closure must not hold, as patterns: an id, or a prefix ending in '*'.
/// <see cref="AspNetCore"/> also forbids the Microsoft.AspNetCore.App shared framework, which ASP.NET Core packages
/// for net8.0+ bring as a framework reference.
/// </summary>
internal static class PackagePatterns
{
    public const string AspNetCore = "Microsoft.AspNetCore.*";
    public const string Polly = "Polly*";
    public const string Protobuf = "Google.Protobuf";
    public const string AnyTransport = "Pyrometer.Transports.*";

    /// <summary>Whether <paramref name="id"/> is the id <paramref name="pattern"/> names or starts with its prefix.</summary>
    public static bool Matches(string pattern, string id) =>
        pattern.EndsWith('*')
            ? id.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, id, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every package and shared framework of <paramref name="graph"/> a pattern forbids, as "framework: id".</summary>
    public static IReadOnlyList<string> Forbidden(RestoredGraph graph, IReadOnlyCollection<string> patterns) =>
        graph.Packages.SelectMany(target => target.Value.Select(id => (Framework: target.Key, Id: id)))
            .Concat(graph.FrameworkReferences.SelectMany(target => target.Value.Select(id => (Framework: target.Key, Id: id + " (shared framework)"))))
            .Where(entry => patterns.Any(pattern => Matches(pattern, entry.Id)))
            .Select(entry => $"{entry.Framework}: {entry.Id}")
            .ToArray();
}
