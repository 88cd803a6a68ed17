namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>
/// The packages in artifacts/packages, made by eng/pack.sh. eng/test.sh packs right after building, so they are
/// current; when they are missing, older than a library's sources or made at another commit (<c>dotnet test</c>
/// run on its own after an edit), eng/pack.sh is run first, once per test run, so no test passes on stale packages.
/// </summary>
internal static class Packages
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, PackedLibrary>>> Current =
        new(EnsureCurrentAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the packages of the library <paramref name="id"/>, packing every library first if needed.</summary>
    public static async Task<PackedLibrary> GetAsync(string id)
    {
        var packages = await Current.Value;
        return packages.TryGetValue(id, out var library)
            ? library
            : throw new InvalidOperationException($"eng/pack.sh made no package '{id}' in {Repository.PackagesDirectory}.");
    }

    private static async Task<IReadOnlyDictionary<string, PackedLibrary>> EnsureCurrentAsync()
    {
        var found = Find();
        var head = await Repository.HeadCommitAsync();
        if (Repository.Libraries.All(library => IsCurrent(found, library.Key, library.Value, head)))
        {
            return found;
        }

        var pack = await ProcessRunner.RunAsync("bash", [Path.Combine(Repository.Root, "eng", "pack.sh")], Repository.Root, TimeSpan.FromMinutes(20));
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"The packages were missing or stale and eng/pack.sh failed (exit code {pack.ExitCode}):{Environment.NewLine}{pack.Output}");
        }

        return Find();
    }

    /// <summary>Whether the library's packages exist, were made at <paramref name="head"/> and after its last edit.</summary>
    private static bool IsCurrent(Dictionary<string, PackedLibrary> found, string id, string projectDirectory, string head)
    {
        if (!found.TryGetValue(id, out var library) || !File.Exists(library.SymbolPackagePath))
        {
            return false;
        }

        using (var package = new PackageArchive(library.PackagePath))
        {
            if (package.Metadata.Element(package.Metadata.Name.Namespace + "repository")?.Attribute("commit")?.Value != head)
            {
                return false;
            }
        }

        var packed = File.GetLastWriteTimeUtc(library.PackagePath);
        var sources = Directory.EnumerateFiles(projectDirectory, "*", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(projectDirectory, path))
            .Concat(Repository.SharedBuildInputs());
        return sources.All(source => File.GetLastWriteTimeUtc(source) <= packed);
    }

    private static bool IsBuildOutput(string projectDirectory, string path)
    {
        var relative = Path.GetRelativePath(projectDirectory, path);
        return relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>Every <c>Id.Version.nupkg</c> of a known library, by id.</summary>
    private static Dictionary<string, PackedLibrary> Find()
    {
        var found = new Dictionary<string, PackedLibrary>(StringComparer.Ordinal);
        if (!Directory.Exists(Repository.PackagesDirectory))
        {
            return found;
        }

        foreach (var path in Directory.EnumerateFiles(Repository.PackagesDirectory, "*.nupkg"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            foreach (var id in Repository.Libraries.Keys)
            {
                // "Pyrometer.Core.26.11.0" is Pyrometer.Core's; "Pyrometer.Core.Extra.26.11.0" is not.
                if (name.Length > id.Length + 1 && name.StartsWith(id + ".", StringComparison.Ordinal) && char.IsAsciiDigit(name[id.Length + 1]))
                {
                    var version = name[(id.Length + 1)..];
                    found.Add(id, new PackedLibrary(id, version, path, Path.ChangeExtension(path, ".snupkg")));
                }
            }
        }

        return found;
    }
}
