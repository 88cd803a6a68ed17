namespace Pyrometer.Benchmarks.Internal;

/// <summary>Benchmark categories, to run a part of the suite with <c>--anyCategories</c>.</summary>
internal static class Categories
{
    /// <summary>The collector hot paths and series creation compared with prometheus-net and OpenTelemetry.</summary>
    public const string Core = "Core";
}
