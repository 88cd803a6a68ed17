using System.Diagnostics;

namespace Pyrometer.Core.Tests.SystemMetrics;

public sealed class PyrometerMetricRegistryExtensionsTests
{
    private static double Value(MetricRegistry registry, string name, string? generation = null)
    {
        Assert.True(registry.TryGet(name, out var collector), $"{name} is not registered");
        return collector switch
        {
            Counter counter => (generation is null ? counter.Series.Single() : counter.Series.Single(s => s.LabelValues[0] == generation)).Value,
            Gauge gauge => (generation is null ? gauge.Series.Single() : gauge.Series.Single(s => s.LabelValues[0] == generation)).Value,
            _ => throw new InvalidOperationException(name),
        };
    }

    [Fact]
    public async Task AddProcessMetrics_Collected_PlausibleValues()
    {
        var registry = new MetricRegistry();
        using var metrics = registry.AddProcessMetrics();
        using var process = Process.GetCurrentProcess();
        var spin = Stopwatch.StartNew();
        while (spin.ElapsedMilliseconds < 50)
        {
        }

        await registry.CollectAsync();

        var resident = Value(registry, "process_resident_memory_bytes");
        Assert.InRange(resident, process.WorkingSet64 / 2.0, process.WorkingSet64 * 2.0);
        Assert.True(Value(registry, "process_virtual_memory_bytes") >= resident);
        Assert.InRange(Value(registry, "process_cpu_seconds_total"), 0.01, process.TotalProcessorTime.TotalSeconds + 1);
        var start = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
        Assert.Equal(start, Value(registry, "process_start_time_seconds"), 0.01);
        Assert.InRange(Value(registry, "process_threads"), 1, 10_000);
        Assert.InRange(Value(registry, "process_open_fds"), 3, 1_000_000);
        if (OperatingSystem.IsLinux())
        {
            Assert.True(Value(registry, "process_max_fds") >= Value(registry, "process_open_fds"));
            Assert.True(Value(registry, "process_virtual_memory_max_bytes") > 0);
        }
    }

    [Fact]
    public async Task AddProcessMetrics_CpuSpentBetweenScrapes_CounterGrows()
    {
        var registry = new MetricRegistry();
        using var metrics = registry.AddProcessMetrics();
        await registry.CollectAsync();
        var before = Value(registry, "process_cpu_seconds_total");

        // Spins until the process has spent 50 ms more CPU (at most 30 s): 200 ms of wall time alone may bring little
        // CPU to a thread on a loaded machine.
        var spin = Stopwatch.StartNew();
        var cpuBefore = CpuTime();
        while (CpuTime() - cpuBefore < TimeSpan.FromMilliseconds(50) && spin.Elapsed < TimeSpan.FromSeconds(30))
        {
        }

        await registry.CollectAsync();
        Assert.True(Value(registry, "process_cpu_seconds_total") > before);
    }

    [Fact]
    public async Task AddRuntimeMetrics_AfterCollectionAndException_Counted()
    {
        var registry = new MetricRegistry();
        using var metrics = registry.AddRuntimeMetrics();
        await registry.CollectAsync();
        var gen2 = Value(registry, "dotnet_gc_collections_total", "gen2");
        var exceptions = Value(registry, "dotnet_exceptions_total");

        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        try
        {
            throw new InvalidOperationException("counted");
        }
        catch (InvalidOperationException)
        {
        }

        await registry.CollectAsync();
        Assert.True(Value(registry, "dotnet_gc_collections_total", "gen2") >= gen2 + 1);
        Assert.True(Value(registry, "dotnet_exceptions_total") >= exceptions + 1);
        Assert.True(Value(registry, "dotnet_gc_heap_total_allocated_bytes_total") > 0);
        Assert.True(Value(registry, "dotnet_gc_last_collection_memory_committed_size_bytes") > 0);
        Assert.True(Value(registry, "dotnet_gc_last_collection_heap_size_bytes", "gen2") >= 0);
        Assert.True(Value(registry, "dotnet_jit_compiled_methods_total") > 0);
        Assert.True(Value(registry, "dotnet_thread_pool_thread_count") >= 1);
        Assert.Equal(Environment.ProcessorCount, Value(registry, "dotnet_process_cpu_count"));
    }

    [Fact]
    public void AddRuntimeMetrics_Disposed_Unregistered()
    {
        var registry = new MetricRegistry();
        var metrics = registry.AddRuntimeMetrics();

        metrics.Dispose();

        Assert.Empty(registry.Collectors);
    }

    [Fact]
    public void AddProcessMetrics_Twice_ThrowsNamingMetric()
    {
        var registry = new MetricRegistry();
        using var metrics = registry.AddProcessMetrics();

        var e = Assert.Throws<InvalidOperationException>(() => registry.AddProcessMetrics());
        Assert.Contains("process_cpu_seconds_total", e.Message);
        Assert.Equal(8, registry.Collectors.Count);
    }

    [Fact]
    public async Task AddProcessMetrics_ConcurrentScrapes_AllSucceed()
    {
        var registry = new MetricRegistry();
        using var metrics = registry.AddProcessMetrics();
        using var runtime = registry.AddRuntimeMetrics();

        var scrapes = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await registry.CollectAsync();
            }
        }));

        await Task.WhenAll(scrapes);
        Assert.True(Value(registry, "process_resident_memory_bytes") > 0);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
