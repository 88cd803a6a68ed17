using System.Text.Json;
using Pyrometer.Packaging.Tests.Infrastructure;

namespace Pyrometer.Packaging.Tests;

// What a debugger gets from each library's .snupkg: the PDB of every packed dll, whose SourceLink fetches each
// source file from the repository at the commit the package was built from.
public class SymbolPackageTests
{
    public static TheoryData<string> Libraries => PackageTests.Libraries;

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Snupkg_EveryAssembly_HasThePortablePdbItWasBuiltWith(string id)
    {
        var library = await Packages.GetAsync(id);
        using var package = new PackageArchive(library.PackagePath);
        using var symbols = OpenSymbols(library);

        Assert.NotEmpty(package.LibraryAssemblies);
        foreach (var dll in package.LibraryAssemblies)
        {
            var pdb = Path.ChangeExtension(dll, ".pdb");
            Assert.Contains(pdb, symbols.Files);
            Assert.Equal(AssemblyFile.PdbId(package.Read(dll)), SymbolFile.Id(symbols.Read(pdb)));
        }
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Snupkg_SourceLink_MapsSourcesToRawFilesOfTheRepositoryAtTheBuiltCommit(string id)
    {
        using var symbols = OpenSymbols(await Packages.GetAsync(id));
        var expected = $"{RawContentRoot(Repository.Url)}/{await Repository.HeadCommitAsync()}/*";

        var pdbs = symbols.Files.Where(f => f.EndsWith(".pdb", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(pdbs);
        foreach (var pdb in pdbs)
        {
            var sourceLink = SymbolFile.SourceLink(symbols.Read(pdb));
            Assert.NotNull(sourceLink);
            using var json = JsonDocument.Parse(sourceLink);
            var targets = json.RootElement.GetProperty("documents").EnumerateObject().Select(p => p.Value.GetString() ?? string.Empty).ToArray();
            Assert.Equal([expected], targets);
        }
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Snupkg_SourcesOutsideGit_AreEmbedded(string id)
    {
        using var symbols = OpenSymbols(await Packages.GetAsync(id));

        var pdbs = symbols.Files.Where(f => f.EndsWith(".pdb", StringComparison.Ordinal)).ToArray();

        // The build writes the assembly's attributes to obj/, which git ignores: SourceLink cannot fetch them.
        Assert.NotEmpty(pdbs);
        Assert.All(pdbs, pdb => Assert.Contains(
            SymbolFile.EmbeddedSources(symbols.Read(pdb)),
            path => path.EndsWith($"{id}.AssemblyInfo.cs", StringComparison.Ordinal)));
    }

    private static PackageArchive OpenSymbols(PackedLibrary library)
    {
        Assert.True(File.Exists(library.SymbolPackagePath), $"No symbol package beside {library.PackagePath}.");
        return new PackageArchive(library.SymbolPackagePath);
    }

    /// <summary>Where the repository host serves a file's raw text: https://github.com/o/r becomes https://raw.githubusercontent.com/o/r.</summary>
    private static string RawContentRoot(string repositoryUrl)
    {
        var url = new Uri(repositoryUrl);
        Assert.Equal("github.com", url.Host);
        return "https://raw.githubusercontent.com" + url.AbsolutePath.TrimEnd('/');
    }
}
