using System.Buffers;
using Microsoft.IO;
using Pyrometer.Transports.HttpListener.Internal;
using Pyrometer.Transports.HttpListener.Tests.Fakes;

namespace Pyrometer.Transports.HttpListener.Tests.Internal;

public sealed class ResponseBufferPoolTests
{
    private const int Mib = 1024 * 1024;

    [Fact]
    public void Rent_LargeBodyWrittenInPieces_HoldsAboutItsSizeInBlocks()
    {
        var pool = new ResponseBufferPool(16 * Mib);
        var body = SizedFormat.BodyOf((6 * Mib) + 12_345);
        using var stream = pool.Rent();

        WriteInPieces(stream, body, 4096);

        // A doubling array would hold 8 MiB (and 12 MiB while it last grew); blocks hold the body rounded up to a block.
        Assert.Equal(body.Length, stream.Length);
        Assert.Equal(RoundUpToBlock(body.Length), pool.InUseBytes);
        Assert.Equal(body.Length / ResponseBufferPool.BlockSize + 1, CountSegments(stream.GetReadOnlySequence()));
        Assert.Equal(body, stream.GetReadOnlySequence().ToArray());
    }

    [Fact]
    public void Dispose_BodyLargerThanTheLimit_KeepsAtMostTheLimitAndHoldsNothingInUse()
    {
        var pool = new ResponseBufferPool(Mib);
        using (var stream = pool.Rent())
        {
            WriteInPieces(stream, SizedFormat.BodyOf(6 * Mib), 4096);
        }

        Assert.Equal(0, pool.InUseBytes);
        Assert.Equal(Mib, pool.RetainedBytes);
    }

    [Theory]
    [InlineData(ResponseBufferPool.BlockSize, 1)]
    [InlineData((3 * ResponseBufferPool.BlockSize) - 1, 2)]
    [InlineData(3 * ResponseBufferPool.BlockSize, 3)]
    public void Dispose_LimitNotAWholeNumberOfBlocks_KeepsTheWholeBlocksBelowIt(long limit, int blocks)
    {
        var pool = new ResponseBufferPool(limit);
        using (var stream = pool.Rent())
        {
            WriteInPieces(stream, SizedFormat.BodyOf(4 * ResponseBufferPool.BlockSize), 4096);
        }

        Assert.Equal(blocks * ResponseBufferPool.BlockSize, pool.MaxRetainedBytes);
        Assert.Equal(blocks * ResponseBufferPool.BlockSize, pool.RetainedBytes);
    }

    [Fact]
    public void Rent_AfterABodyWasReturned_ReusesItsBlocks()
    {
        var pool = new ResponseBufferPool(16 * Mib);
        using (var first = pool.Rent())
        {
            WriteInPieces(first, SizedFormat.BodyOf(2 * Mib), 4096);
        }

        var retained = pool.RetainedBytes;
        using var second = pool.Rent();
        WriteInPieces(second, SizedFormat.BodyOf(Mib), 4096);

        Assert.Equal(2 * Mib, retained);
        Assert.Equal(Mib, pool.RetainedBytes);
        Assert.Equal(Mib, pool.InUseBytes);
    }

    [Fact]
    public void Rent_RequestLargerThanABlock_KeepsTheBytesInOrder()
    {
        var pool = new ResponseBufferPool(16 * Mib);
        var body = SizedFormat.BodyOf(3 * ResponseBufferPool.BlockSize);
        var stream = pool.Rent();

        WriteInPieces(stream, body, 1000);
        WriteInPieces(stream, body, body.Length);
        var written = stream.GetReadOnlySequence().ToArray();
        stream.Dispose();

        Assert.Equal([.. body, .. body], written);
        Assert.Equal(0, pool.InUseBytes);
        Assert.InRange(pool.RetainedBytes, 0, pool.MaxRetainedBytes);
    }

    [Fact]
    public void Compress_LargeBody_IsGzipOfTheBodyAndLeavesTheBody()
    {
        var pool = new ResponseBufferPool(16 * Mib);
        var body = SizedFormat.BodyOf(3 * Mib);
        using var plain = pool.Rent();
        WriteInPieces(plain, body, 4096);

        using var compressed = pool.Compress(plain);

        Assert.InRange(compressed.Length, 1, body.Length / 2);
        Assert.Equal(body, Gzip.Decompress(compressed.GetReadOnlySequence().ToArray()));
        Assert.Equal(body, plain.GetReadOnlySequence().ToArray());
    }

    private static void WriteInPieces(RecyclableMemoryStream destination, byte[] source, int piece)
    {
        for (var offset = 0; offset < source.Length; offset += piece)
        {
            var length = Math.Min(piece, source.Length - offset);
            source.AsSpan(offset, length).CopyTo(destination.GetSpan(length));
            destination.Advance(length);
        }
    }

    private static long RoundUpToBlock(long length) =>
        (length + ResponseBufferPool.BlockSize - 1) / ResponseBufferPool.BlockSize * ResponseBufferPool.BlockSize;

    private static int CountSegments(ReadOnlySequence<byte> sequence)
    {
        var count = 0;
        foreach (var segment in sequence)
        {
            count++;
        }

        return count;
    }
}
