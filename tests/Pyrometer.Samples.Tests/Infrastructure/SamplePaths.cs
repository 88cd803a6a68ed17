using System.Reflection;

namespace Pyrometer.Samples.Tests.Infrastructure;

/// <summary>The built samples this assembly was compiled with (its csproj references them, so they are built first).</summary>
internal static class SamplePaths
{
    public static string Dll(string sample)
    {
        var metadata = typeof(SamplePaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(attribute => attribute.Key, attribute => attribute.Value);
        var path = Path.Combine(metadata["SamplesDirectory"]!, sample, "bin", metadata["SamplesConfiguration"]!, metadata["SamplesTargetFramework"]!, sample + ".dll");
        Assert.True(File.Exists(path), $"{path} is missing: build the tests (which builds the samples) first.");
        return path;
    }

    /// <summary>The dotnet host running the tests, to run the samples with.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
