using System.Buffers;
using BenchmarkDotNet.Attributes;
using Pyrometer.Benchmarks.Internal;
using Pyrometer.Formats.Text;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks;

/// <summary>
/// One scrape of the process and runtime metrics alone: Pyrometer's <c>AddProcessMetrics</c> and
/// <c>AddRuntimeMetrics</c> against prometheus-net's <c>DotNetStats</c> (its default process and runtime
/// collector), each collected and written in the Prometheus text format to a reused buffer.
/// </summary>
[BenchmarkCategory(Categories.Core)]
[MemoryDiagnoser]
[MedianColumn]
[SharedMachineJob]
public class SystemMetricsScrapeBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private MetricRegistry _pyrometer = null!;
    private IDisposable _process = null!;
    private IDisposable _runtime = null!;
    private Prom.CollectorRegistry _prometheusNet = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pyrometer = new MetricRegistry();
        _process = _pyrometer.AddProcessMetrics();
        _runtime = _pyrometer.AddRuntimeMetrics();
        _prometheusNet = Prom.Metrics.NewCustomRegistry();
        Prom.DotNetStats.Register(_prometheusNet);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _process.Dispose();
        _runtime.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task Pyrometer()
    {
        _buffer.Clear();
        TextFormats.Prometheus.Write(_buffer, await _pyrometer.CollectAsync().ConfigureAwait(false));
    }

    [Benchmark]
    public Task PrometheusNet() => _prometheusNet.CollectAndExportAsTextAsync(Stream.Null);
}
