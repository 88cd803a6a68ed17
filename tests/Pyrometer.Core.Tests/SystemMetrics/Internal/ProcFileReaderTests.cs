using System.Text;
using Pyrometer.SystemMetrics.Internal;

namespace Pyrometer.Core.Tests.SystemMetrics.Internal;

public sealed class ProcFileReaderTests
{
    private const string Stat = "4242 (my app (x)) S 1 4242 4242 0 -1 4194560 2000 0 0 0 150 50 0 0 20 0 17 0 123456 1048576 300 18446744073709551615\n";

    [Theory]
    [InlineData(14, 150)]
    [InlineData(15, 50)]
    [InlineData(20, 17)]
    [InlineData(23, 1048576)]
    [InlineData(24, 300)]
    public void TryStatField_CommandWithSpacesAndParentheses_ReadsField(int field, long expected)
    {
        Assert.True(ProcFileReader.TryStatField(Encoding.ASCII.GetBytes(Stat), field, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryStatField_BeyondLastField_False() =>
        Assert.False(ProcFileReader.TryStatField(Encoding.ASCII.GetBytes(Stat), 60, out _));

    [Fact]
    public void TryLimit_SoftLimitAndUnlimited_Read()
    {
        var limits = Encoding.ASCII.GetBytes(
            "Limit                     Soft Limit           Hard Limit           Units     \n" +
            "Max address space         unlimited            unlimited            bytes     \n" +
            "Max open files            1024                 524288               files     \n");

        Assert.True(ProcFileReader.TryLimit(limits, "Max open files"u8, out var files));
        Assert.Equal(1024, files);
        Assert.True(ProcFileReader.TryLimit(limits, "Max address space"u8, out var address));
        Assert.Equal(double.PositiveInfinity, address);
        Assert.False(ProcFileReader.TryLimit(limits, "Max processes"u8, out _));
    }
}
