using Pyrometer.SystemMetrics.Internal;

namespace Pyrometer;

/// <summary>Extensions of <see cref="MetricRegistry"/> that add the standard process and .NET runtime metrics.</summary>
public static class PyrometerMetricRegistryExtensions
{
    /// <summary>
    /// Adds the process metrics of the Prometheus client guidelines, read at each collection:
    /// <c>process_cpu_seconds_total</c>, <c>process_resident_memory_bytes</c>, <c>process_virtual_memory_bytes</c>,
    /// <c>process_start_time_seconds</c>, <c>process_open_fds</c>, <c>process_threads</c> and, on Linux (read from
    /// <c>/proc/self</c>), <c>process_virtual_memory_max_bytes</c> and <c>process_max_fds</c>. Elsewhere they come
    /// from one <see cref="System.Diagnostics.Process"/> kept for the registry and refreshed at each collection
    /// (open handles stand for open file descriptors).
    /// </summary>
    /// <param name="registry">The registry.</param>
    /// <returns>A handle that removes the metrics when disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The registry already has a collector with one of these names.</exception>
    public static IDisposable AddProcessMetrics(this MetricRegistry registry) => new ProcessMetrics(Guard.NotNull(registry));

    /// <summary>
    /// Adds .NET runtime metrics named after OpenTelemetry's .NET runtime semantic conventions, read at each
    /// collection: <c>dotnet_gc_collections_total</c> (per <c>gc_heap_generation</c>), <c>dotnet_exceptions_total</c>,
    /// <c>dotnet_process_cpu_count</c> and, on .NET 8 and later, <c>dotnet_monitor_lock_contentions_total</c>,
    /// <c>dotnet_gc_heap_total_allocated_bytes_total</c>, <c>dotnet_gc_last_collection_heap_size_bytes</c> and
    /// <c>dotnet_gc_last_collection_heap_fragmentation_size_bytes</c> (per generation),
    /// <c>dotnet_gc_last_collection_memory_committed_size_bytes</c>, <c>dotnet_gc_pause_time_seconds_total</c>,
    /// <c>dotnet_thread_pool_thread_count</c>, <c>dotnet_thread_pool_work_item_count_total</c>,
    /// <c>dotnet_thread_pool_queue_length</c>, <c>dotnet_timer_count</c>, <c>dotnet_jit_compiled_methods_total</c>,
    /// <c>dotnet_jit_compiled_il_size_bytes_total</c> and <c>dotnet_jit_compilation_time_seconds_total</c>.
    /// </summary>
    /// <remarks>
    /// Exceptions are counted by a first-chance exception handler (one interlocked increment per exception);
    /// everything else is read from the runtime when the registry is collected. Don't combine with the bridge
    /// exporting the runtime's own <c>System.Runtime</c> meter, which writes the same names.
    /// </remarks>
    /// <param name="registry">The registry.</param>
    /// <returns>A handle that removes the metrics (and the exception handler) when disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The registry already has a collector with one of these names.</exception>
    public static IDisposable AddRuntimeMetrics(this MetricRegistry registry) => new RuntimeMetrics(Guard.NotNull(registry));
}
