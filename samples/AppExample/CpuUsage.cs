using System.Diagnostics;
using System.Globalization;

namespace Pyrometer.Samples.AppExample;

/// <summary>
/// CPU use in percent since the previous <see cref="Sample"/>, as psutil's <c>cpu_percent(percpu=True)</c> gives
/// aioprometheus' example. On Linux per core, from the <c>cpuN</c> lines of /proc/stat (time not idle or waiting for
/// I/O, over all time); elsewhere, where the OS has no such file, one series <c>core="all"</c>: this process's CPU
/// time over the wall time of all cores.
/// </summary>
internal sealed class CpuUsage
{
    private const string ProcStat = "/proc/stat";

    private readonly Dictionary<string, (double Busy, double Total)> _previous = new(StringComparer.Ordinal);

    /// <summary>Reads the counters now and returns each core's use since the last call (nothing on the first call).</summary>
    public IReadOnlyList<(string Core, double Percent)> Sample()
    {
        var current = File.Exists(ProcStat) ? ReadProcStat() : ReadProcess();
        var usage = new List<(string, double)>(current.Count);
        foreach (var (core, now) in current)
        {
            if (_previous.TryGetValue(core, out var before) && now.Total > before.Total)
            {
                usage.Add((core, Math.Round(100 * (now.Busy - before.Busy) / (now.Total - before.Total), 2)));
            }

            _previous[core] = now;
        }

        return usage;
    }

    // "cpu0 4705 150 1120 16250 520 30 40 0 0 0": user nice system idle iowait irq softirq steal (guest time is in user).
    private static List<(string Core, (double Busy, double Total) Ticks)> ReadProcStat()
    {
        var cores = new List<(string Core, (double Busy, double Total) Ticks)>();
        foreach (var line in File.ReadLines(ProcStat))
        {
            if (!line.StartsWith("cpu", StringComparison.Ordinal) || line.Length < 4 || !char.IsAsciiDigit(line[3]))
            {
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = fields.Skip(1).Take(8).Select(field => double.Parse(field, CultureInfo.InvariantCulture)).ToArray();
            var total = ticks.Sum();
            var idle = ticks[3] + ticks[4];
            cores.Add((fields[0][3..], (total - idle, total)));
        }

        return cores;
    }

    private static List<(string Core, (double Busy, double Total) Ticks)> ReadProcess()
    {
        using var process = Process.GetCurrentProcess();
        var busy = process.TotalProcessorTime.TotalSeconds;
        var wall = Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency * Environment.ProcessorCount;
        return [("all", (busy, wall))];
    }
}
