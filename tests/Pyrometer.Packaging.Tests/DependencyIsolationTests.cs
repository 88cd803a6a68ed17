using Pyrometer.Packaging.Tests.Infrastructure;

namespace Pyrometer.Packaging.Tests;

// What an app gets when it takes one hosting package: a consumer of the packed package is restored on its own and
// its project.assets.json is read, so a reference added anywhere below (a transport, a format, a shared package)
// that pulls ASP.NET Core, Polly or Google.Protobuf into a closure that must not have them fails here.
public sealed class DependencyIsolationTests : IDisposable
{
    private const string AspNetCore = PackagePatterns.AspNetCore;
    private const string Polly = PackagePatterns.Polly;
    private const string Protobuf = PackagePatterns.Protobuf;
    private const string AnyTransport = PackagePatterns.AnyTransport;

    // The hosted pusher takes an app's IHttpClientFactory client through a delegate, so it needs no factory package.
    private const string HttpClientFactory = "Microsoft.Extensions.Http";

    /// <summary>One row per hosting package: what its closure must not hold. A new hosting package adds its row.</summary>
    private static readonly Dictionary<string, string[]> Forbidden = new(StringComparer.Ordinal)
    {
        ["Pyrometer.Extensions.Hosting"] = [AspNetCore, Polly, Protobuf, AnyTransport],
        ["Pyrometer.Extensions.Hosting.HealthChecks"] = [AspNetCore, Polly, Protobuf, AnyTransport],
        ["Pyrometer.Extensions.Hosting.HttpListener"] = [AspNetCore, Polly, Protobuf],
        ["Pyrometer.Extensions.Hosting.Pushgateway"] = [AspNetCore, Protobuf, HttpClientFactory, "Pyrometer.Transports.HttpListener"],
        ["Pyrometer.Extensions.Hosting.RemoteWrite"] = [AspNetCore],
        ["Pyrometer.Extensions.Hosting.Metrics"] = [AspNetCore, Polly, Protobuf, AnyTransport],
        ["Pyrometer.Extensions.Hosting.Kestrel"] = [Polly, Protobuf, "Pyrometer.Transports.HttpListener", "Pyrometer.Transports.Pushgateway"],
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("pyrometer-closure-").FullName;

    public static TheoryData<string> HostingPackages => new(Forbidden.Keys);

    [Theory]
    [MemberData(nameof(HostingPackages))]
    public async Task Restore_HostingPackage_ClosureHoldsNothingForbidden(string id)
    {
        var graph = await RestoreConsumerOfAsync(id);

        Assert.Equal(2, graph.Packages.Count);
        foreach (var (framework, packages) in graph.Packages)
        {
            Assert.Contains(id, packages);
            Assert.Contains("Pyrometer.Core", packages);
        }

        var found = PackagePatterns.Forbidden(graph, Forbidden[id]);
        Assert.True(found.Count == 0, $"{id} brings {string.Join(", ", found)}.");
    }

    [Fact]
    public void Forbidden_EveryHostingLibrary_HasARow()
    {
        var hosting = Repository.Libraries.Keys.Where(id => id.StartsWith("Pyrometer.Extensions.Hosting", StringComparison.Ordinal));

        Assert.Equal(hosting.Order(StringComparer.Ordinal), Forbidden.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.*", "Microsoft.AspNetCore.App", true)]
    [InlineData("Microsoft.AspNetCore.*", "Microsoft.Extensions.Hosting.Abstractions", false)]
    [InlineData("Polly*", "Polly.Core", true)]
    [InlineData("Google.Protobuf", "Google.Protobuf", true)]
    [InlineData("Google.Protobuf", "Google.Protobuf.Tools", false)]
    public void Matches_Pattern_IdOrPrefix(string pattern, string id, bool matches) => Assert.Equal(matches, PackagePatterns.Matches(pattern, id));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>
    /// Restores a project that references only the packed <paramref name="id"/>, on net10.0 and netstandard2.0, or
    /// net10.0 and net8.0 for an ASP.NET Core package (which has no netstandard2.0 build; eng/Common.props decides by name).
    /// </summary>
    private async Task<RestoredGraph> RestoreConsumerOfAsync(string id)
    {
        var aspNetCore = id.EndsWith(".Kestrel", StringComparison.Ordinal) || id.Contains(".AspNetCore", StringComparison.Ordinal);
        var frameworks = aspNetCore ? "net10.0;net8.0" : "net10.0;netstandard2.0";
        var consumer = await ConsumerProject.CreateAsync(Path.Combine(_directory, id), frameworks, [id]);
        return await consumer.RestoreAsync();
    }
}
