using System.Globalization;
using System.Text.RegularExpressions;
using Pyrometer.Samples.Tests.Infrastructure;

namespace Pyrometer.Samples.Tests.KestrelExample;

public sealed class KestrelExampleTests
{
    [Fact]
    public Task Run_ScrapedAndInterrupted_ShowsBridgedRequestDurationAndProcessSeriesThenStops() =>
        ExampleRun.SmokeAsync(
            "KestrelExample",
            text => text.Contains("http_server_request_duration_seconds_count{", StringComparison.Ordinal),
            "http_server_request_duration_seconds_count of an earlier scrape",
            text =>
            {
                // The earlier scrapes are requests too: the bridge shows them with their route, method and status.
                var scrapes = Regex.Match(
                    text,
                    "^http_server_request_duration_seconds_count\\{http_request_method=\"GET\",http_response_status_code=\"200\",http_route=\"/metrics\",[^}]*\\} (\\d+)$",
                    RegexOptions.Multiline);
                Assert.True(scrapes.Success, text);
                Assert.True(int.Parse(scrapes.Groups[1].Value, CultureInfo.InvariantCulture) >= 1, text);
                Assert.Contains("# TYPE http_server_request_duration_seconds histogram\n", text, StringComparison.Ordinal);
                var resident = Regex.Match(text, "^process_resident_memory_bytes (\\S+)$", RegexOptions.Multiline);
                Assert.True(resident.Success && double.Parse(resident.Groups[1].Value, CultureInfo.InvariantCulture) > 0, text);
                Assert.Contains("\ndotnet_gc_collections_total{gc_heap_generation=\"gen0\"} ", text, StringComparison.Ordinal);
            },
            // Core's AddRuntimeMetrics names these gauges as OpenTelemetry's .NET runtime conventions do; promtool's lint
            // dislikes a gauge ending in _count. Reported to core; nothing else may be found.
            "dotnet_process_cpu_count non-histogram and non-summary metrics should not have \"_count\" suffix",
            "dotnet_thread_pool_thread_count non-histogram and non-summary metrics should not have \"_count\" suffix",
            "dotnet_timer_count non-histogram and non-summary metrics should not have \"_count\" suffix");
}
