using System.Globalization;
using System.Text;

namespace Pyrometer.SystemMetrics.Internal;

/// <summary>
/// Reads small files under <c>/proc/self</c> into one reused buffer and parses numbers in place. Not thread-safe:
/// the registry never runs two collections of one callback at once.
/// </summary>
internal sealed class ProcFileReader
{
    private readonly byte[] _buffer = new byte[8192];

    /// <summary>Reads a file; returns the bytes read (empty when the file is missing or unreadable).</summary>
    public ReadOnlySpan<byte> Read(string path)
    {
        try
        {
#if NET
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var total = 0;
            int read;
            while (total < _buffer.Length && (read = RandomAccess.Read(handle, _buffer.AsSpan(total), total)) > 0)
            {
                total += read;
            }
#else
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var total = 0;
            int read;
            while (total < _buffer.Length && (read = stream.Read(_buffer, total, _buffer.Length - total)) > 0)
            {
                total += read;
            }
#endif
            return _buffer.AsSpan(0, total);
        }
        catch (IOException)
        {
            return default;
        }
        catch (UnauthorizedAccessException)
        {
            return default;
        }
    }

    /// <summary>Gets the fields of <c>/proc/[pid]/stat</c> after the command name, which may hold spaces: field 3 (state) is index 0.</summary>
    public static bool TryStatField(ReadOnlySpan<byte> stat, int field, out long value)
    {
        value = 0;
        var close = stat.LastIndexOf((byte)')');
        if (close < 0)
        {
            return false;
        }

        var rest = stat.Slice(close + 1);
        var index = 2;
        var i = 0;
        while (i < rest.Length)
        {
            while (i < rest.Length && rest[i] == (byte)' ')
            {
                i++;
            }

            var start = i;
            while (i < rest.Length && rest[i] != (byte)' ' && rest[i] != (byte)'\n')
            {
                i++;
            }

            index++;
            if (index == field)
            {
                return TryParse(rest.Slice(start, i - start), out value);
            }
        }

        return false;
    }

    /// <summary>Gets the soft limit of a line of <c>/proc/[pid]/limits</c> (such as "Max open files"); unlimited is <see cref="double.PositiveInfinity"/>.</summary>
    public static bool TryLimit(ReadOnlySpan<byte> limits, ReadOnlySpan<byte> name, out double value)
    {
        value = 0;
        var at = limits.IndexOf(name);
        if (at < 0)
        {
            return false;
        }

        var line = limits.Slice(at + name.Length);
        var end = line.IndexOf((byte)'\n');
        line = end >= 0 ? line.Slice(0, end) : line;
        while (line.Length > 0 && line[0] == (byte)' ')
        {
            line = line.Slice(1);
        }

        var space = line.IndexOf((byte)' ');
        var soft = space >= 0 ? line.Slice(0, space) : line;
        if (soft.SequenceEqual("unlimited"u8))
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (TryParse(soft, out var number))
        {
            value = number;
            return true;
        }

        return false;
    }

    private static bool TryParse(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
