using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Pyrometer.Benchmarks.Internal;
using Pyrometer.Extensions.Metrics;

namespace Pyrometer.Benchmarks;

/// <summary>
/// <c>Counter&lt;long&gt;.Add(1, tag1, tag2)</c> on a System.Diagnostics.Metrics instrument, exported by Pyrometer's
/// <see cref="MeterBridge"/> and by the OpenTelemetry SDK's <c>MeterProvider</c>: the same call, two listeners.
/// </summary>
/// <remarks>Each side has its own meter, so each call reaches exactly one listener.</remarks>
[BenchmarkCategory(Categories.Core)]
[MemoryDiagnoser]
[MedianColumn]
[SharedMachineJob]
public class BridgedCounterAddBenchmarks
{
    private static readonly KeyValuePair<string, object?> Tag1 = new("k1", "a");
    private static readonly KeyValuePair<string, object?> Tag2 = new("k2", "b");

    private Meter _meter = null!;
    private MeterBridge _bridge = null!;
    private Counter<long> _pyrometer = null!;
    private OpenTelemetryPipeline _pipeline = null!;
    private Counter<long> _openTelemetry = null!;

    [GlobalSetup]
    public void Setup()
    {
        _meter = new Meter("Pyrometer.Benchmarks.Bridge");
        var registry = new MetricRegistry();
        _bridge = registry.AddMeterBridge(o => o.Meters.Add(_meter.Name));
        _pyrometer = _meter.CreateCounter<long>("bench.requests");
        _pyrometer.Add(1, Tag1, Tag2);
        if (registry.Collectors.Count != 1)
        {
            throw new InvalidOperationException("The bridge exported nothing: the benchmark would measure a disabled instrument.");
        }

        _pipeline = new OpenTelemetryPipeline("Pyrometer.Benchmarks.BridgePeer");
        _openTelemetry = _pipeline.Meter.CreateCounter<long>("bench.requests");
        _openTelemetry.Add(1, Tag1, Tag2);
        _pipeline.EnsureAggregating();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bridge.Dispose();
        _meter.Dispose();
        _pipeline.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void Pyrometer() => _pyrometer.Add(1, Tag1, Tag2);

    [Benchmark]
    public void OpenTelemetry() => _openTelemetry.Add(1, Tag1, Tag2);
}
