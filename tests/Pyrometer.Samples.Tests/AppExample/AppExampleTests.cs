using System.Text.RegularExpressions;
using Pyrometer.Samples.Tests.Infrastructure;

namespace Pyrometer.Samples.Tests.AppExample;

public sealed partial class AppExampleTests
{
    [Fact]
    public Task Run_ScrapedAndInterrupted_ShowsEveryFamilyWithTheAppsLabelsThenStops() =>
        ExampleRun.SmokeAsync(
            "AppExample",
            text => text.Contains("request_latency_seconds_count{", StringComparison.Ordinal),
            "the first update",
            text =>
            {
                var match = ConstLabels().Match(text);
                Assert.True(match.Success, $"no app and host const labels in:\n{text}");
                var constLabels = match.Value;
                Assert.Equal($"app=\"ExampleApp-{match.Groups["guid"].Value}\",host=\"{Environment.MachineName}\"", constLabels);

                Assert.Contains("# TYPE requests_total counter\n", text, StringComparison.Ordinal);
                Assert.Contains($"requests_total{{{constLabels},path=\"/\"}} ", text, StringComparison.Ordinal);
                Assert.Contains("# TYPE memory_usage_bytes gauge\n", text, StringComparison.Ordinal);
                Assert.Matches($"memory_usage_bytes\\{{{Regex.Escape(constLabels)},type=\"virtual\"\\}} [1-9]", text);
                Assert.Contains($"memory_usage_bytes{{{constLabels},type=\"swap\"}} ", text, StringComparison.Ordinal);
                Assert.Contains("# TYPE cpu_usage_percent gauge\n", text, StringComparison.Ordinal);
                for (var core = 0; core < Environment.ProcessorCount; core++)
                {
                    Assert.Contains($"cpu_usage_percent{{{constLabels},core=\"{core}\"}} ", text, StringComparison.Ordinal);
                }

                Assert.Contains("# TYPE request_payload_size_bytes summary\n", text, StringComparison.Ordinal);
                Assert.Contains($"request_payload_size_bytes{{{constLabels},path=\"/data\",quantile=\"0.5\"}} ", text, StringComparison.Ordinal);
                Assert.Contains($"request_payload_size_bytes{{{constLabels},path=\"/data\",quantile=\"0.99\"}} ", text, StringComparison.Ordinal);
                Assert.DoesNotContain("quantile=\"0.9\"", text, StringComparison.Ordinal);
                Assert.Contains("# TYPE request_latency_seconds histogram\n", text, StringComparison.Ordinal);
                var bounds = BucketBound().Matches(text).Select(bucket => bucket.Groups[1].Value);
                Assert.Equal(["0.1", "0.5", "1", "5", "+Inf"], bounds);
            });

    [GeneratedRegex("app=\"ExampleApp-(?<guid>[0-9a-f]{32})\",host=\"[^\"]*\"")]
    private static partial Regex ConstLabels();

    [GeneratedRegex("^request_latency_seconds_bucket\\{[^}]*path=\"/data\",le=\"([^\"]+)\"\\}", RegexOptions.Multiline)]
    private static partial Regex BucketBound();
}
