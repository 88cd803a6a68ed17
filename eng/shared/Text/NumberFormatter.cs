using System.Buffers.Text;
using System.Globalization;

namespace Pyrometer.Internal;

/// <summary>
/// Writes numbers the way Prometheus' own Go code renders them: the shortest representation that round-trips,
/// in the layout of Go's <c>%g</c> (exponent form below 1e-4 and from 1e+06 on, at least two exponent digits),
/// with <c>NaN</c>, <c>+Inf</c> and <c>-Inf</c> spelled as both text formats require.
/// </summary>
internal static class NumberFormatter
{
    /// <summary>The most bytes any method here writes (<c>-1.7976931348623157e+308</c> is 24).</summary>
    public const int MaxLength = 32;

    private const long UnixEpochTicks = 621_355_968_000_000_000;

    /// <summary>Writes a value in Go's shortest <c>%g</c> form; integral values below one million have no decimal point.</summary>
    public static int FormatDouble(double value, Span<byte> destination)
    {
        if (double.IsNaN(value))
        {
            return Copy("NaN"u8, destination);
        }

        if (double.IsInfinity(value))
        {
            return Copy(value > 0 ? "+Inf"u8 : "-Inf"u8, destination);
        }

        if (value == 0)
        {
            // Negative zero too: the text formats have no use for its sign.
            destination[0] = (byte)'0';
            return 1;
        }

        if (Math.Abs(value) < 1e6 && value == Math.Floor(value))
        {
            return FormatInt64((long)value, destination);
        }

        return FormatShortest(value, destination);
    }

    /// <summary>
    /// Writes a value as an OpenMetrics canonical number, for <c>le</c> and <c>quantile</c> label values:
    /// Go's <c>%g</c> with <c>.0</c> appended when the result has neither a decimal point nor an exponent.
    /// </summary>
    public static int FormatCanonical(double value, Span<byte> destination)
    {
        var length = FormatDouble(value, destination);
        if (double.IsNaN(value) || double.IsInfinity(value) || destination.Slice(0, length).IndexOfAny((byte)'.', (byte)'e') >= 0)
        {
            return length;
        }

        destination[length] = (byte)'.';
        destination[length + 1] = (byte)'0';
        return length + 2;
    }

    /// <summary>Writes an integer without a decimal point.</summary>
    public static int FormatInt64(long value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }

    /// <summary>
    /// Writes a point in time as seconds since the Unix epoch with the exact fraction the clock gave (up to
    /// 100 ns), always with a decimal point, e.g. <c>1704164645.678</c> or <c>1704164645.0</c>.
    /// </summary>
    public static int FormatUnixSeconds(DateTimeOffset time, Span<byte> destination)
    {
        var ticks = time.UtcTicks - UnixEpochTicks;
        if (ticks < 0)
        {
            return FormatCanonical(ticks / (double)TimeSpan.TicksPerSecond, destination);
        }

        var length = FormatInt64(ticks / TimeSpan.TicksPerSecond, destination);
        destination[length++] = (byte)'.';
        var fraction = ticks % TimeSpan.TicksPerSecond;
        if (fraction == 0)
        {
            destination[length++] = (byte)'0';
            return length;
        }

        // Seven digits of 100 ns, leading zeros kept and trailing zeros dropped.
        var digits = 7;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        for (var i = digits - 1; i >= 0; i--)
        {
            destination[length + i] = (byte)('0' + (fraction % 10));
            fraction /= 10;
        }

        return length + digits;
    }

    private static int FormatShortest(double value, Span<byte> destination)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        var textLength = FormatRoundTrip(value, text);

        // Decompose the runtime's shortest round-trip text into significant digits and a decimal point
        // position: value = 0.d1d2d3... × 10^pointPosition.
        Span<byte> digits = stackalloc byte[MaxLength];
        var count = 0;
        var pointPosition = 0;
        var exponent = 0;
        var negative = false;
        var afterPoint = false;
        for (var i = 0; i < textLength; i++)
        {
            var c = text[i];
            if (c == '-')
            {
                negative = true;
            }
            else if (c == '.')
            {
                afterPoint = true;
            }
            else if (c is (byte)'E' or (byte)'e')
            {
                exponent = ParseExponent(text.Slice(i + 1, textLength - i - 1));
                break;
            }
            else
            {
                if (!afterPoint)
                {
                    pointPosition++;
                }

                if (count == 0 && c == '0')
                {
                    pointPosition--;
                    continue;
                }

                digits[count++] = c;
            }
        }

        while (count > 1 && digits[count - 1] == '0')
        {
            count--;
        }

        pointPosition += exponent;
        var length = 0;
        if (negative)
        {
            destination[length++] = (byte)'-';
        }

        var decimalExponent = pointPosition - 1;
        if (decimalExponent < -4 || decimalExponent >= 6)
        {
            destination[length++] = digits[0];
            if (count > 1)
            {
                destination[length++] = (byte)'.';
                digits.Slice(1, count - 1).CopyTo(destination.Slice(length));
                length += count - 1;
            }

            destination[length++] = (byte)'e';
            destination[length++] = decimalExponent < 0 ? (byte)'-' : (byte)'+';
            var magnitude = Math.Abs(decimalExponent);
            if (magnitude < 10)
            {
                destination[length++] = (byte)'0';
            }

            return length + FormatInt64(magnitude, destination.Slice(length));
        }

        if (pointPosition <= 0)
        {
            destination[length++] = (byte)'0';
            destination[length++] = (byte)'.';
            destination.Slice(length, -pointPosition).Fill((byte)'0');
            length += -pointPosition;
            digits.Slice(0, count).CopyTo(destination.Slice(length));
            return length + count;
        }

        for (var i = 0; i < pointPosition; i++)
        {
            destination[length++] = i < count ? digits[i] : (byte)'0';
        }

        if (count > pointPosition)
        {
            destination[length++] = (byte)'.';
            digits.Slice(pointPosition, count - pointPosition).CopyTo(destination.Slice(length));
            length += count - pointPosition;
        }

        return length;
    }

    private static int FormatRoundTrip(double value, Span<byte> destination)
    {
#if NET
        // "R" is the shortest text that parses back to the same double on .NET Core 3.0 and later.
        value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture);
        return written;
#else
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        for (var i = 0; i < text.Length; i++)
        {
            destination[i] = (byte)text[i];
        }

        return text.Length;
#endif
    }

    private static int ParseExponent(ReadOnlySpan<byte> text)
    {
        var sign = 1;
        var i = 0;
        if (text[0] is (byte)'+' or (byte)'-')
        {
            sign = text[0] == '-' ? -1 : 1;
            i = 1;
        }

        var magnitude = 0;
        for (; i < text.Length; i++)
        {
            magnitude = (magnitude * 10) + (text[i] - '0');
        }

        return sign * magnitude;
    }

    private static int Copy(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }
}
