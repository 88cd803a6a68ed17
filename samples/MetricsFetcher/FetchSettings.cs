namespace Pyrometer.Samples.MetricsFetcher;

/// <summary>What the command line asked for.</summary>
/// <param name="Url">The metrics URL.</param>
/// <param name="Format">The format to ask for; null: a random one each request.</param>
/// <param name="Interval">The time between requests; null: fetch once.</param>
/// <param name="Timeout">How long to wait for each complete answer.</param>
/// <param name="Debug">Whether to show headers and timings.</param>
internal sealed record FetchSettings(Uri Url, ScrapeFormat? Format, TimeSpan? Interval, TimeSpan Timeout, bool Debug);
