namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>
/// A fresh project that references packed Pyrometer packages (exact versions from artifacts/packages), restored
/// into a package folder of its own so nothing in the machine's cache stands in for them.
/// </summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(string directory) => Directory = directory;

    /// <summary>Gets the project's directory.</summary>
    public string Directory { get; }

    /// <summary>Writes Consumer.csproj, its NuGet.config and <paramref name="sources"/> into <paramref name="directory"/>.</summary>
    /// <param name="properties">Extra MSBuild properties, such as <c>&lt;OutputType&gt;Exe&lt;/OutputType&gt;</c>.</param>
    public static async Task<ConsumerProject> CreateAsync(
        string directory, string targetFrameworks, IEnumerable<string> packageIds, string properties = "", IReadOnlyDictionary<string, string>? sources = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        ConsumerNuGetConfig.Write(directory);
        var references = new List<string>();
        foreach (var id in packageIds)
        {
            var package = await Packages.GetAsync(id);
            references.Add($"""    <PackageReference Include="{id}" Version="[{package.Version}]" />""");
        }

        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>{targetFrameworks}</TargetFrameworks>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
                <RestorePackagesPath>{Path.Combine(directory, "packages")}</RestorePackagesPath>
                {properties}
              </PropertyGroup>
              <ItemGroup>
            {string.Join(Environment.NewLine, references)}
              </ItemGroup>
            </Project>
            """);
        foreach (var (name, text) in sources ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }

        return new ConsumerProject(directory);
    }

    /// <summary>Restores the project (asserting success) and returns what it resolved.</summary>
    public async Task<RestoredGraph> RestoreAsync()
    {
        var restore = await ProcessRunner.RunAsync("dotnet", ["restore", "-nologo", "-nodeReuse:false", "-v", "minimal"], Directory, ProcessRunner.BuildTimeout);

        Assert.True(restore.ExitCode == 0, $"The consumer in {Directory} did not restore:{Environment.NewLine}{restore.Output}");
        return RestoredGraph.Read(Path.Combine(Directory, "obj", "project.assets.json"));
    }

    /// <summary>Builds the restored project in Release (asserting success).</summary>
    public async Task BuildAsync()
    {
        var build = await ProcessRunner.RunAsync("dotnet", ["build", "-c", "Release", "--no-restore", "-nologo", "-nodeReuse:false", "-v", "minimal"], Directory, ProcessRunner.BuildTimeout);

        Assert.True(build.ExitCode == 0, $"The consumer in {Directory} did not build:{Environment.NewLine}{build.Output}");
    }
}
