using Pyrometer.TestUtils;

namespace Pyrometer.Samples.Tests.Infrastructure;

/// <summary>Runs the built MetricsFetcher (<c>dotnet MetricsFetcher.dll ARGS</c>) to completion; fails after 30 s.</summary>
internal static class FetcherProcess
{
    public static Task<ToolResult> RunAsync(params string[] arguments) =>
        Task.Run(() => ToolProcess.Run(SamplePaths.DotnetHost, [SamplePaths.Dll("MetricsFetcher"), .. arguments], []));
}
