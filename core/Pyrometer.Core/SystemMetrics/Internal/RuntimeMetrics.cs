namespace Pyrometer.SystemMetrics.Internal;

/// <summary>
/// .NET runtime metrics named after OpenTelemetry's .NET runtime semantic conventions
/// (<c>dotnet.gc.collections</c> becomes <c>dotnet_gc_collections_total</c>), set at collect time from the runtime's
/// own counters. Nothing runs on application threads but one interlocked increment per exception thrown.
/// </summary>
internal sealed class RuntimeMetrics : IDisposable
{
    private static readonly string[] Generations = ["gen0", "gen1", "gen2", "loh", "poh"];

    private readonly MetricRegistry _registry;
    private readonly List<Collector> _collectors = [];
    private readonly CounterSeries[] _collections = new CounterSeries[3];
    private readonly CounterSeries _exceptions;
    private readonly GaugeSeries _cpuCount;
#if NET
    private readonly CounterSeries _contentions;
    private readonly GaugeSeries[] _heapSize = new GaugeSeries[5];
    private readonly GaugeSeries[] _fragmentation = new GaugeSeries[5];
    private readonly CounterSeries _allocated;
    private readonly GaugeSeries _committed;
    private readonly CounterSeries _pause;
    private readonly GaugeSeries _threadPoolThreads;
    private readonly CounterSeries _workItems;
    private readonly GaugeSeries _queueLength;
    private readonly GaugeSeries _timers;
    private readonly CounterSeries _jitMethods;
    private readonly CounterSeries _jitIlBytes;
    private readonly CounterSeries _jitTime;
#endif
    private readonly IDisposable _callback;
    private long _exceptionCount;

    public RuntimeMetrics(MetricRegistry registry)
    {
        _registry = registry;
        var collections = Counter("dotnet_gc_collections_total", "The number of garbage collections that have occurred since the process has started.", null, "gc_heap_generation");
        for (var i = 0; i < _collections.Length; i++)
        {
            _collections[i] = collections.WithLabels(Generations[i]);
        }

        _exceptions = Counter("dotnet_exceptions_total", "The number of exceptions that have been thrown in managed code.").WithLabels(ReadOnlySpan<string>.Empty);
        _cpuCount = Gauge("dotnet_process_cpu_count", "The number of processors available to the process.").WithLabels(ReadOnlySpan<string>.Empty);
#if NET
        _contentions = Counter("dotnet_monitor_lock_contentions_total", "The number of times there was contention when trying to acquire a monitor lock since the process has started.").WithLabels(ReadOnlySpan<string>.Empty);
        var heapSize = Gauge("dotnet_gc_last_collection_heap_size_bytes", "The managed GC heap size (including fragmentation), as observed during the latest garbage collection.", "bytes", "gc_heap_generation");
        var fragmentation = Gauge("dotnet_gc_last_collection_heap_fragmentation_size_bytes", "The heap fragmentation, as observed during the latest garbage collection.", "bytes", "gc_heap_generation");
        for (var i = 0; i < Generations.Length; i++)
        {
            _heapSize[i] = heapSize.WithLabels(Generations[i]);
            _fragmentation[i] = fragmentation.WithLabels(Generations[i]);
        }

        _allocated = Counter("dotnet_gc_heap_total_allocated_bytes_total", "The approximate number of bytes allocated on the managed GC heap since the process has started.", "bytes").WithLabels(ReadOnlySpan<string>.Empty);
        _committed = Gauge("dotnet_gc_last_collection_memory_committed_size_bytes", "The amount of committed virtual memory in use by the .NET GC, as observed during the latest garbage collection.", "bytes").WithLabels(ReadOnlySpan<string>.Empty);
        _pause = Counter("dotnet_gc_pause_time_seconds_total", "The total amount of time paused in GC since the process has started.", "seconds").WithLabels(ReadOnlySpan<string>.Empty);
        _threadPoolThreads = Gauge("dotnet_thread_pool_thread_count", "The number of thread pool threads that currently exist.").WithLabels(ReadOnlySpan<string>.Empty);
        _workItems = Counter("dotnet_thread_pool_work_item_count_total", "The number of work items that the thread pool has completed since the process has started.").WithLabels(ReadOnlySpan<string>.Empty);
        _queueLength = Gauge("dotnet_thread_pool_queue_length", "The number of work items that are currently queued to be processed by the thread pool.").WithLabels(ReadOnlySpan<string>.Empty);
        _timers = Gauge("dotnet_timer_count", "The number of timer instances that are currently active.").WithLabels(ReadOnlySpan<string>.Empty);
        _jitMethods = Counter("dotnet_jit_compiled_methods_total", "The number of times the JIT compiler (re)compiled methods since the process has started.").WithLabels(ReadOnlySpan<string>.Empty);
        _jitIlBytes = Counter("dotnet_jit_compiled_il_size_bytes_total", "Count of bytes of intermediate language that have been compiled since the process has started.", "bytes").WithLabels(ReadOnlySpan<string>.Empty);
        _jitTime = Counter("dotnet_jit_compilation_time_seconds_total", "The amount of time the JIT compiler has spent compiling methods since the process has started.", "seconds").WithLabels(ReadOnlySpan<string>.Empty);
#endif
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChanceException;
        Collect();
        try
        {
            SystemCollectors.RegisterAll(registry, _collectors);
        }
        catch
        {
            AppDomain.CurrentDomain.FirstChanceException -= OnFirstChanceException;
            throw;
        }

        _callback = registry.AddCollectCallback(Collect);
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.FirstChanceException -= OnFirstChanceException;
        _callback.Dispose();
        foreach (var collector in _collectors)
        {
            _registry.Unregister(collector);
        }
    }

    private Counter Counter(string name, string help, string? unit = null, string? label = null)
    {
        var counter = new Counter(name, help, new CounterOptions { Unit = unit, LabelNames = label is null ? null : [label] });
        _collectors.Add(counter);
        return counter;
    }

    private Gauge Gauge(string name, string help, string? unit = null, string? label = null)
    {
        var gauge = new Gauge(name, help, new GaugeOptions { Unit = unit, LabelNames = label is null ? null : [label] });
        _collectors.Add(gauge);
        return gauge;
    }

    private void OnFirstChanceException(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e) =>
        Interlocked.Increment(ref _exceptionCount);

    private void Collect()
    {
        // Each generation's count includes the collections of the older ones, which are counted apart.
        var older = 0;
        for (var generation = _collections.Length - 1; generation >= 0; generation--)
        {
            var count = GC.CollectionCount(generation);
            SystemCollectors.SetTotal(_collections[generation], count - older);
            older = count;
        }

        SystemCollectors.SetTotal(_exceptions, Interlocked.Read(ref _exceptionCount));
        _cpuCount.Set(Environment.ProcessorCount);
#if NET
        SystemCollectors.SetTotal(_contentions, Monitor.LockContentionCount);
        var info = GC.GetGCMemoryInfo();
        var generations = info.GenerationInfo;
        for (var i = 0; i < _heapSize.Length && i < generations.Length; i++)
        {
            _heapSize[i].Set(generations[i].SizeAfterBytes);
            _fragmentation[i].Set(generations[i].FragmentationAfterBytes);
        }

        _committed.Set(info.TotalCommittedBytes);
        SystemCollectors.SetTotal(_allocated, GC.GetTotalAllocatedBytes());
        SystemCollectors.SetTotal(_pause, GC.GetTotalPauseDuration().TotalSeconds);
        _threadPoolThreads.Set(ThreadPool.ThreadCount);
        SystemCollectors.SetTotal(_workItems, ThreadPool.CompletedWorkItemCount);
        _queueLength.Set(ThreadPool.PendingWorkItemCount);
        _timers.Set(Timer.ActiveCount);
        SystemCollectors.SetTotal(_jitMethods, System.Runtime.JitInfo.GetCompiledMethodCount());
        SystemCollectors.SetTotal(_jitIlBytes, System.Runtime.JitInfo.GetCompiledILBytes());
        SystemCollectors.SetTotal(_jitTime, System.Runtime.JitInfo.GetCompilationTime().TotalSeconds);
#endif
    }
}
