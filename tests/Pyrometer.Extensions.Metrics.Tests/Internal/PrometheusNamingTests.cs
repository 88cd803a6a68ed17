using Pyrometer.Extensions.Metrics.Internal;

namespace Pyrometer.Extensions.Metrics.Tests.Internal;

public sealed class PrometheusNamingTests
{
    [Theory]
    [InlineData("http.server.request.duration", "s", MetricType.Histogram, "http_server_request_duration_seconds")]
    [InlineData("http.server.active_requests", "{request}", MetricType.Gauge, "http_server_active_requests")]
    [InlineData("dotnet.gc.collections", "{collection}", MetricType.Counter, "dotnet_gc_collections_total")]
    [InlineData("process.memory", "By", MetricType.Gauge, "process_memory_bytes")]
    [InlineData("cpu.utilization", "1", MetricType.Gauge, "cpu_utilization_ratio")]
    [InlineData("items", "1", MetricType.Counter, "items_total")]
    [InlineData("requests_total", "s", MetricType.Counter, "requests_seconds_total")]
    [InlineData("latency_seconds", "s", MetricType.Gauge, "latency_seconds")]
    [InlineData("speed", "m/s", MetricType.Gauge, "speed_meters_per_second")]
    [InlineData("weird-name..x", null, MetricType.Gauge, "weird_name_x")]
    [InlineData("9lives", null, MetricType.Gauge, "_9lives")]
    public void MetricName_OpenTelemetryConventions_Mapped(string name, string? unit, MetricType type, string expected) =>
        Assert.Equal(expected, PrometheusNaming.MetricName(name, PrometheusNaming.UnitOf(unit, type), type));

    [Theory]
    [InlineData("http.route", "http_route")]
    [InlineData("error-type", "error_type")]
    [InlineData("1st", "key_1st")]
    [InlineData("__reserved", "_reserved")]
    public void LabelName_InvalidCharacters_Sanitized(string key, string expected) =>
        Assert.Equal(expected, PrometheusNaming.LabelName(key));
}
