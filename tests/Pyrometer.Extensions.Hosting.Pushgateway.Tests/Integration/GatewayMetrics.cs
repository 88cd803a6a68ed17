using System.Globalization;
using Pyrometer.TestUtils;

namespace Pyrometer.Extensions.Hosting.Pushgateway.Tests.Integration;

/// <summary>Reads the value a real Pushgateway exposes for one metric of one job's group.</summary>
internal static class GatewayMetrics
{
    public static async Task<double?> ValueAsync(PushgatewayFixture gateway, string metric, string job)
    {
        var text = await gateway.GetMetricsTextAsync();
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && l.Contains($"job=\"{job}\"", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Polls until the group exposes <paramref name="expected"/> (or 20 s pass) and returns the last value read.</summary>
    public static async Task<double?> WaitForAsync(PushgatewayFixture gateway, string metric, string job, double? expected)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double? value;
        while ((value = await ValueAsync(gateway, metric, job)) != expected && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        return value;
    }
}
