using Pyrometer.Packaging.Tests.Infrastructure;

namespace Pyrometer.Packaging.Tests;

// What a test project gets from Pyrometer.Testing: the container fixtures' Testcontainers, and no test framework,
// web stack or transport of ours, so it fits any framework and any app. Testcontainers is not trim-safe, so the
// package says it is not trimmable rather than promising what it cannot keep.
public sealed class TestingPackageTests : IDisposable
{
    /// <summary>The libraries not marked IsAotCompatible (and so not IsTrimmable), each for a dependency that is not.</summary>
    public static readonly IReadOnlySet<string> NotTrimmable = new HashSet<string>(StringComparer.Ordinal) { Id };

    private const string Id = "Pyrometer.Testing";

    private static readonly string[] Forbidden =
        ["xunit*", "NUnit*", "MSTest*", "Microsoft.NET.Test.Sdk", "TUnit*", PackagePatterns.AspNetCore, PackagePatterns.Polly, PackagePatterns.Protobuf, PackagePatterns.AnyTransport];

    private readonly string _directory = Directory.CreateTempSubdirectory("pyrometer-testing-").FullName;

    [Fact]
    public async Task Restore_Testing_ClosureHasTestcontainersAndNoTestFramework()
    {
        var consumer = await ConsumerProject.CreateAsync(Path.Combine(_directory, Id), "net10.0;net8.0", [Id]);

        var graph = await consumer.RestoreAsync();

        Assert.Equal(2, graph.Packages.Count);
        foreach (var (_, packages) in graph.Packages)
        {
            Assert.Contains("Testcontainers", packages);
            Assert.Contains("Pyrometer.Formats.Text", packages);
        }

        var found = PackagePatterns.Forbidden(graph, Forbidden);
        Assert.True(found.Count == 0, $"{Id} brings {string.Join(", ", found)}.");
    }

    [Fact]
    public async Task Nupkg_Testing_IsNotMarkedTrimmable()
    {
        using var package = new PackageArchive((await Packages.GetAsync(Id)).PackagePath);

        Assert.NotEmpty(package.LibraryAssemblies);
        Assert.All(package.LibraryAssemblies, dll => Assert.False(
            AssemblyFile.AssemblyMetadata(package.Read(dll)).TryGetValue("IsTrimmable", out var value) && value == "True",
            $"{dll} is marked IsTrimmable, but Testcontainers is not trim-safe."));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
