using System.Globalization;
using System.Text;
using Pyrometer.Formats.Text.Internal;
using Pyrometer.Internal;

namespace Pyrometer.Formats.Text.Tests.Internal;

public class NumberFormatterTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-1.0, "-1")]
    [InlineData(42.0, "42")]
    [InlineData(999_999.0, "999999")]
    [InlineData(100_000.5, "100000.5")]
    [InlineData(1e6, "1e+06")]
    [InlineData(1_234_567.0, "1.234567e+06")]
    [InlineData(52_000_000.5, "5.20000005e+07")]
    [InlineData(1e21, "1e+21")]
    [InlineData(9_007_199_254_740_993.0, "9.007199254740992e+15")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(-1.7976931348623157e308, "-1.7976931348623157e+308")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(-3.25, "-3.25")]
    [InlineData(12345.678, "12345.678")]
    [InlineData(0.005, "0.005")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00012, "0.00012")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(-1e-07, "-1e-07")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(4.9406564584124654e-324, "5e-324")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void FormatDouble_Value_WritesGoShortestG(double value, string expected)
    {
        Assert.Equal(expected, FormatDouble(value));
    }

    [Fact]
    public void FormatDouble_NegativeZero_WritesZeroWithoutSign()
    {
        Assert.Equal("0", FormatDouble(-0.0));
    }

    [Fact]
    public void FormatDouble_RandomValues_RoundTripWithinMaxLength()
    {
        var random = new Random(20240102);
        Span<byte> bits = stackalloc byte[8];
        for (var i = 0; i < 100_000; i++)
        {
            random.NextBytes(bits);
            var value = BitConverter.ToDouble(bits);
            if (!double.IsFinite(value))
            {
                continue;
            }

            var text = FormatDouble(value);

            Assert.True(text.Length <= NumberFormatter.MaxLength, text);
            Assert.Equal(value == 0 ? 0 : value, double.Parse(text, CultureInfo.InvariantCulture));
            Assert.Equal(value.ToString("R", CultureInfo.InvariantCulture).TrimStart('-').Replace(".", string.Empty).Split('E')[0].Trim('0').Length, SignificantDigits(text));
        }
    }

    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(10.0, "10.0")]
    [InlineData(-10.0, "-10.0")]
    [InlineData(100_000.0, "100000.0")]
    [InlineData(1e6, "1e+06")]
    [InlineData(1e10, "1e+10")]
    [InlineData(1e-10, "1e-10")]
    [InlineData(1e-09, "1e-09")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.005, "0.005")]
    [InlineData(0.95, "0.95")]
    [InlineData(0.999, "0.999")]
    [InlineData(1.7, "1.7")]
    [InlineData(1.1e23, "1.1e+23")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void FormatCanonical_Value_AppendsPointZeroOnlyWhenIntegralLooking(double value, string expected)
    {
        Assert.Equal(expected, Format(NumberFormatter.FormatCanonical, value));
    }

    [Fact]
    public void FormatCanonical_ThousandthsUpToTen_MatchOpenMetricsExamples()
    {
        // OpenMetrics: "Exposers SHOULD produce output for the values 0.0 up to 10.0 in 0.001 increments" like 0.001, 0.9, 1.7, 10.0.
        for (var i = 0; i <= 10_000; i++)
        {
            var expected = (i / 1000).ToString(CultureInfo.InvariantCulture) + "." + (i % 1000).ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
            expected = expected.EndsWith('.') ? expected + "0" : expected;

            Assert.Equal(expected, Format(NumberFormatter.FormatCanonical, i / 1000.0));
        }
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(7L, "7")]
    [InlineData(1_000_000L, "1000000")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(-5L, "-5")]
    public void FormatInt64_Value_WritesDigitsWithoutDecimalPoint(long value, string expected)
    {
        Span<byte> buffer = stackalloc byte[NumberFormatter.MaxLength];

        var length = NumberFormatter.FormatInt64(value, buffer);

        Assert.Equal(expected, Encoding.ASCII.GetString(buffer[..length]));
    }

    [Theory]
    [InlineData(0L, "1704164645.0")]
    [InlineData(6_780_000L, "1704164645.678")]
    [InlineData(1L, "1704164645.0000001")]
    [InlineData(1_000_000L, "1704164645.1")]
    [InlineData(9_999_999L, "1704164645.9999999")]
    public void FormatUnixSeconds_Time_WritesSecondsWithExactFraction(long ticksAfterSecond, string expected)
    {
        var time = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(ticksAfterSecond);
        Span<byte> buffer = stackalloc byte[NumberFormatter.MaxLength];

        var length = NumberFormatter.FormatUnixSeconds(time, buffer);

        Assert.Equal(expected, Encoding.ASCII.GetString(buffer[..length]));
    }

    [Fact]
    public void FormatUnixSeconds_OtherOffset_UsesUtc()
    {
        var time = new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2));
        Span<byte> buffer = stackalloc byte[NumberFormatter.MaxLength];

        var length = NumberFormatter.FormatUnixSeconds(time, buffer);

        Assert.Equal("1704164645.0", Encoding.ASCII.GetString(buffer[..length]));
    }

    [Fact]
    public void FormatUnixSeconds_BeforeEpoch_WritesNegativeFloat()
    {
        Span<byte> buffer = stackalloc byte[NumberFormatter.MaxLength];

        var length = NumberFormatter.FormatUnixSeconds(DateTimeOffset.UnixEpoch.AddSeconds(-1.5), buffer);

        Assert.Equal("-1.5", Encoding.ASCII.GetString(buffer[..length]));
    }

    private static string FormatDouble(double value) => Format(NumberFormatter.FormatDouble, value);

    private static string Format(FamilyLayout.NumberWriter format, double value)
    {
        var buffer = new byte[NumberFormatter.MaxLength];
        var length = format(value, buffer);
        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    private static int SignificantDigits(string goText)
    {
        var mantissa = goText.TrimStart('-').Split('e')[0].Replace(".", string.Empty);
        return mantissa.Trim('0').Length;
    }
}
