using System.Reflection;

namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>The repository these tests were built from: where it is, its address and its libraries.</summary>
internal static class Repository
{
    /// <summary>The folders whose projects are libraries, each packed by eng/pack.sh.</summary>
    private static readonly string[] LibraryFolders = ["core", "formats", "transports", "integrations"];

    /// <summary>Gets the repository's root directory.</summary>
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>Gets the repository's address, as eng/Common.props sets it once for every package.</summary>
    public static string Url { get; } = Metadata("RepositoryUrl");

    /// <summary>Gets the directory eng/pack.sh writes the packages to.</summary>
    public static string PackagesDirectory => Path.Combine(Root, "artifacts", "packages");

    /// <summary>Gets the project directory of every library, by package id (the project's name).</summary>
    public static IReadOnlyDictionary<string, string> Libraries { get; } = FindLibraries();

    /// <summary>The commit checked out, which the packages and their SourceLink name.</summary>
    public static async Task<string> HeadCommitAsync()
    {
        var git = await ProcessRunner.RunAsync("git", ["rev-parse", "HEAD"], Root, TimeSpan.FromSeconds(30));
        return git.ExitCode == 0
            ? git.Output.Trim()
            : throw new InvalidOperationException($"git rev-parse HEAD failed in {Root}:{Environment.NewLine}{git.Output}");
    }

    /// <summary>Gets the files every package's content depends on besides its own project directory.</summary>
    public static IEnumerable<string> SharedBuildInputs()
    {
        var eng = Path.Combine(Root, "eng");
        return Directory.EnumerateFiles(eng, "*.props")
            .Concat(Directory.EnumerateFiles(eng, "*.targets"))
            .Concat(Directory.EnumerateFiles(Path.Combine(eng, "shared"), "*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Root, "Directory.*"));
    }

    private static SortedDictionary<string, string> FindLibraries()
    {
        var libraries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in LibraryFolders.Select(f => Path.Combine(Root, f)).Where(Directory.Exists))
        {
            // <folder>/<Project>/<Project>.csproj, as eng/pack.sh finds them.
            foreach (var project in Directory.EnumerateDirectories(folder).SelectMany(d => Directory.EnumerateFiles(d, "*.csproj")))
            {
                libraries.Add(Path.GetFileNameWithoutExtension(project), Path.GetDirectoryName(project)!);
            }
        }

        return libraries;
    }

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly lacks its '{key}' metadata (set in its csproj).");
}
