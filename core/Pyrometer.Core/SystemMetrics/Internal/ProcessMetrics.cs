using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pyrometer.SystemMetrics.Internal;

/// <summary>
/// The process metrics of the Prometheus client guidelines, set at collect time: on Linux from <c>/proc/self</c>
/// (stat, limits and the fd directory), elsewhere from one <see cref="Process"/> kept and refreshed.
/// </summary>
internal sealed class ProcessMetrics : IDisposable
{
    // USER_HZ: the unit of the CPU times in /proc/[pid]/stat; 100 on every Linux architecture .NET runs on.
    private const double ClockTicksPerSecond = 100;

    private readonly MetricRegistry _registry;
    private readonly CounterSeries _cpu;
    private readonly GaugeSeries _resident;
    private readonly GaugeSeries _virtual;
    private readonly GaugeSeries _virtualMax;
    private readonly GaugeSeries _openFds;
    private readonly GaugeSeries _maxFds;
    private readonly GaugeSeries _threads;
    private readonly Collector[] _collectors;
    private readonly ProcFileReader? _proc;
    private readonly Process? _process;
    private readonly IDisposable _callback;

    public ProcessMetrics(MetricRegistry registry)
    {
        _registry = registry;
        var cpu = new Counter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", new CounterOptions { Unit = "seconds" });
        var resident = new Gauge("process_resident_memory_bytes", "Resident memory size in bytes.", new GaugeOptions { Unit = "bytes" });
        var virtualMemory = new Gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.", new GaugeOptions { Unit = "bytes" });
        var virtualMax = new Gauge("process_virtual_memory_max_bytes", "Maximum amount of virtual memory available in bytes.", new GaugeOptions { Unit = "bytes" });
        var openFds = new Gauge("process_open_fds", "Number of open file descriptors.");
        var maxFds = new Gauge("process_max_fds", "Maximum number of open file descriptors.");
        var start = new Gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.", new GaugeOptions { Unit = "seconds" });
        var threads = new Gauge("process_threads", "Number of OS threads in the process.");
        _cpu = cpu.WithLabels(ReadOnlySpan<string>.Empty);
        _resident = resident.WithLabels(ReadOnlySpan<string>.Empty);
        _virtual = virtualMemory.WithLabels(ReadOnlySpan<string>.Empty);
        _virtualMax = virtualMax.WithLabels(ReadOnlySpan<string>.Empty);
        _openFds = openFds.WithLabels(ReadOnlySpan<string>.Empty);
        _maxFds = maxFds.WithLabels(ReadOnlySpan<string>.Empty);
        _threads = threads.WithLabels(ReadOnlySpan<string>.Empty);

        using (var current = Process.GetCurrentProcess())
        {
            start.Set(new DateTimeOffset(current.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && File.Exists("/proc/self/stat"))
        {
            _proc = new ProcFileReader();
            _collectors = [cpu, resident, virtualMemory, virtualMax, openFds, maxFds, start, threads];
        }
        else
        {
            _process = Process.GetCurrentProcess();
            _collectors = [cpu, resident, virtualMemory, openFds, start, threads];
        }

        Collect();
        try
        {
            SystemCollectors.RegisterAll(registry, _collectors);
        }
        catch
        {
            _process?.Dispose();
            throw;
        }

        _callback = registry.AddCollectCallback(Collect);
    }

    public void Dispose()
    {
        _callback.Dispose();
        foreach (var collector in _collectors)
        {
            _registry.Unregister(collector);
        }

        _process?.Dispose();
    }

    private void Collect()
    {
        if (_proc is not null)
        {
            CollectLinux(_proc);
        }
        else
        {
            CollectPortable(_process!);
        }
    }

    private void CollectLinux(ProcFileReader proc)
    {
        var stat = proc.Read("/proc/self/stat");
        if (ProcFileReader.TryStatField(stat, 14, out var utime) && ProcFileReader.TryStatField(stat, 15, out var stime))
        {
            SystemCollectors.SetTotal(_cpu, (utime + stime) / ClockTicksPerSecond);
        }

        if (ProcFileReader.TryStatField(stat, 20, out var threads))
        {
            _threads.Set(threads);
        }

        if (ProcFileReader.TryStatField(stat, 23, out var vsize))
        {
            _virtual.Set(vsize);
        }

        if (ProcFileReader.TryStatField(stat, 24, out var rss))
        {
            _resident.Set(rss * (double)Environment.SystemPageSize);
        }

        var limits = proc.Read("/proc/self/limits");
        if (ProcFileReader.TryLimit(limits, "Max open files"u8, out var maxFds))
        {
            _maxFds.Set(maxFds);
        }

        if (ProcFileReader.TryLimit(limits, "Max address space"u8, out var maxAddressSpace))
        {
            _virtualMax.Set(double.IsPositiveInfinity(maxAddressSpace) ? ulong.MaxValue : maxAddressSpace);
        }

        _openFds.Set(OpenFileDescriptors.Count());
    }

    private void CollectPortable(Process process)
    {
        process.Refresh();
        SystemCollectors.SetTotal(_cpu, process.TotalProcessorTime.TotalSeconds);
        _resident.Set(process.WorkingSet64);
        _virtual.Set(process.VirtualMemorySize64);
        _openFds.Set(process.HandleCount);
        _threads.Set(process.Threads.Count);
    }
}
