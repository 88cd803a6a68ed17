using System.Globalization;

namespace Pyrometer.Samples.AppExample;

/// <summary>
/// The machine's memory in use, as psutil reports it to aioprometheus' example: on Linux from /proc/meminfo
/// (MemTotal - MemAvailable, SwapTotal - SwapFree); elsewhere the physical memory in use the .NET GC last saw
/// (<see cref="GCMemoryInfo.MemoryLoadBytes"/>), and no swap figure.
/// </summary>
internal readonly record struct MemoryUsage(double UsedBytes, double? SwapUsedBytes)
{
    private const string MemInfo = "/proc/meminfo";

    public static MemoryUsage Read()
    {
        if (!File.Exists(MemInfo))
        {
            return new MemoryUsage(GC.GetGCMemoryInfo().MemoryLoadBytes, null);
        }

        var kibibytes = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(MemInfo))
        {
            // "MemAvailable:    3801532 kB"
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var fields = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (colon > 0 && fields.Length > 0 && double.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                kibibytes[line[..colon]] = value;
            }
        }

        double Bytes(string name) => kibibytes.TryGetValue(name, out var value) ? value * 1024 : 0;
        return new MemoryUsage(Bytes("MemTotal") - Bytes("MemAvailable"), Bytes("SwapTotal") - Bytes("SwapFree"));
    }
}
