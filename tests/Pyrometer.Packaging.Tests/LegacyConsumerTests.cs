using Pyrometer.Packaging.Tests.Infrastructure;

namespace Pyrometer.Packaging.Tests;

// A .NET Framework app's library: netstandard2.0 on C# 7.3, which knows no params spans. It builds against the
// packed Pyrometer.Core (not the project), restored into a folder of its own so no Pyrometer.Core left in the
// machine's package cache can stand in for it.
public sealed class LegacyConsumerTests : IDisposable
{
    private const string Consumer = """
        using System.Collections.Generic;
        using Pyrometer;

        namespace Consumer
        {
            public static class Requests
            {
                public static void Count(MetricRegistry registry)
                {
                    var counter = registry.CreateCounter("requests_total", "Requests.", "method", "code");
                    counter.WithLabels("a", "b").Inc();
                    counter.RemoveLabels("a", "b");

                    // aioprometheus-style dict labels, as such an app would write them.
                    var events = registry.CreateCounter("events_total", "Events.");
                    events.Inc(new Dictionary<string, string> { ["kind"] = "timer_expiry" });
                    events.Inc(new Labels { ["kind"] = "timer_expiry" });
                }
            }
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("pyrometer-consumer-").FullName;

    [Fact]
    public async Task Build_CSharp73NetStandardLibraryCallingWithLabels_Succeeds()
    {
        var core = await Packages.GetAsync("Pyrometer.Core");
        ConsumerNuGetConfig.Write(_directory);
        File.WriteAllText(Path.Combine(_directory, "Consumer.cs"), Consumer);
        File.WriteAllText(Path.Combine(_directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>7.3</LangVersion>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
                <RestorePackagesPath>{Path.Combine(_directory, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Pyrometer.Core" Version="[{core.Version}]" />
              </ItemGroup>
            </Project>
            """);

        var build = await ProcessRunner.RunAsync(
            "dotnet", ["build", "-nologo", "-nodeReuse:false", "-v", "minimal"], _directory, ProcessRunner.BuildTimeout);

        Assert.True(build.ExitCode == 0, $"The C# 7.3 consumer did not build:{Environment.NewLine}{build.Output}");
        Assert.True(
            File.Exists(Path.Combine(_directory, "packages", "pyrometer.core", core.Version, Path.GetFileName(core.PackagePath).ToLowerInvariant())),
            "Pyrometer.Core was not restored from artifacts/packages into the consumer's own package folder.");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
