using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pyrometer.Packaging.Tests.Infrastructure;

namespace Pyrometer.Packaging.Tests;

// What a user gets from each library's .nupkg: IntelliSense docs, a README that works on a package page, and
// the repository (with the commit) a debugger or a reader can go to.
public class PackageTests
{
    public static TheoryData<string> Libraries => new(Repository.Libraries.Keys);

    public static TheoryData<string> TrimmableLibraries => new(Repository.Libraries.Keys.Where(id => !TestingPackageTests.NotTrimmable.Contains(id)));

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Nupkg_EveryAssembly_HasItsXmlDocumentationBesideIt(string id)
    {
        using var package = await OpenAsync(id);

        Assert.NotEmpty(package.LibraryAssemblies);
        Assert.All(package.LibraryAssemblies, dll => Assert.Contains(Path.ChangeExtension(dll, ".xml"), package.Files));
        Assert.All(package.LibraryAssemblies, dll => Assert.Equal(id + ".dll", Path.GetFileName(dll)));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Nupkg_XmlDocumentation_DocumentsEveryPublicType(string id)
    {
        using var package = await OpenAsync(id);

        foreach (var dll in package.LibraryAssemblies)
        {
            var documented = XDocument.Parse(package.ReadText(Path.ChangeExtension(dll, ".xml")))
                .Descendants("member")
                .Where(member => member.Element("summary") is not null)
                .Select(member => (string?)member.Attribute("name"))
                .ToHashSet();
            var publicTypes = AssemblyFile.PublicTypeDocumentationIds(package.Read(dll));

            Assert.NotEmpty(publicTypes);
            Assert.Empty(publicTypes.Where(type => !documented.Contains(type)).Select(type => $"{dll}: {type}"));
        }
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Nupkg_Readme_IsPackedAndNamedInTheNuspec(string id)
    {
        using var package = await OpenAsync(id);

        Assert.Equal("README.md", package.MetadataValue("readme"));
        Assert.Contains("README.md", package.Files);
        Assert.StartsWith("# " + id, package.ReadText("README.md").TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Nupkg_Readme_HasNoRelativeLinks(string id)
    {
        using var package = await OpenAsync(id);

        var targets = MarkdownLinks.Targets(package.ReadText("README.md"));

        Assert.All(targets, target => Assert.True(MarkdownLinks.StandsAlone(target), $"README.md links to '{target}', which is dead on a package page."));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Nupkg_Nuspec_NamesTheRepositoryAtTheBuiltCommit(string id)
    {
        using var package = await OpenAsync(id);

        var repository = package.Metadata.Element(package.Metadata.Name.Namespace + "repository");

        Assert.NotNull(repository);
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal(Repository.Url, (string?)repository.Attribute("url"));
        Assert.Equal(await Repository.HeadCommitAsync(), (string?)repository.Attribute("commit"));
        Assert.Equal(Repository.Url, package.MetadataValue("projectUrl"));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Nupkg_Nuspec_HasTheLicenseExpression(string id)
    {
        using var package = await OpenAsync(id);

        var license = package.Metadata.Element(package.Metadata.Name.Namespace + "license");

        Assert.NotNull(license);
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Nupkg_Id_IsTheProjectFolderName(string id)
    {
        using var package = await OpenAsync(id);

        Assert.Equal(id, package.MetadataValue("id"));
        Assert.Equal(id, Path.GetFileName(Repository.Libraries[id]));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Nupkg_EveryAssembly_IsBuiltDeterministically(string id)
    {
        using var package = await OpenAsync(id);

        Assert.All(package.LibraryAssemblies, dll => Assert.True(AssemblyFile.IsDeterministic(package.Read(dll)), $"{dll} is not marked reproducible."));
    }

    [Theory]
    [MemberData(nameof(TrimmableLibraries))]
    public async Task Nupkg_EveryNet8OrLaterAssembly_IsMarkedTrimmable(string id)
    {
        using var package = await OpenAsync(id);

        // IsAotCompatible (eng/Library.targets) implies IsTrimmable, which the SDK records in the assembly, where the
        // trimmer of a consumer's publish reads it.
        var modern = package.LibraryAssemblies.Where(dll => dll.StartsWith("lib/net", StringComparison.Ordinal) && !dll.StartsWith("lib/netstandard", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(modern);
        Assert.All(modern, dll => Assert.True(
            AssemblyFile.AssemblyMetadata(package.Read(dll)).TryGetValue("IsTrimmable", out var value) && value == "True",
            $"{dll} is not marked IsTrimmable."));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task Nupkg_EveryPublicType_IsInThePackageNamespaceOrAnExtensionClassInPyrometer(string id)
    {
        using var package = await OpenAsync(id);

        foreach (var dll in package.LibraryAssemblies)
        {
            var types = AssemblyFile.PublicTopLevelTypes(package.Read(dll));

            Assert.NotEmpty(types);
            Assert.Empty(types.Where(type => !NamespaceRule.Allows(id, type)).Select(type => $"{dll}: {type}"));
        }
    }

    [Fact]
    public void RepositoryUrl_IsAnAbsoluteHttpsAddress()
    {
        Assert.Matches(new Regex("^https://[^/]+/[^/]+/[^/]+$"), Repository.Url);
    }

    private static async Task<PackageArchive> OpenAsync(string id) => new((await Packages.GetAsync(id)).PackagePath);
}
