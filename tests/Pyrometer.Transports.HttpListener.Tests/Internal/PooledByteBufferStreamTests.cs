using System.IO.Compression;
using Pyrometer.Internal;
using Pyrometer.Transports.HttpListener.Internal;

namespace Pyrometer.Transports.HttpListener.Tests.Internal;

public sealed class PooledByteBufferStreamTests
{
    [Fact]
    public void Write_LargerThanTheBuffer_IsKeptWhole()
    {
        var expected = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        using var buffer = new PooledByteBuffer();
        using var stream = new PooledByteBufferStream(buffer);

        stream.Write(expected, 0, 10);
        stream.Write(expected, 10, expected.Length - 10);

        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
        Assert.Equal(expected.Length, stream.Position);
        Assert.Equal(expected.Length, stream.Length);
    }

    [Fact]
    public void WriteSpan_AfterBytesWrittenToTheBuffer_Appends()
    {
        using var buffer = new PooledByteBuffer();
        using var stream = new PooledByteBufferStream(buffer);
        buffer.Write("abc"u8);

        stream.Write("def"u8);

        Assert.Equal("abcdef"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Stream_IsWriteOnly()
    {
        using var buffer = new PooledByteBuffer();
        using var stream = new PooledByteBufferStream(buffer);

        Assert.True(stream.CanWrite);
        Assert.False(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Read(new byte[1], 0, 1));
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(0));
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
    }

    [Fact]
    public void Dispose_LeavesTheBufferToItsOwner()
    {
        using var buffer = new PooledByteBuffer();
        var stream = new PooledByteBufferStream(buffer);
        stream.Write("abc"u8);

        stream.Dispose();
        buffer.Write("d"u8);

        Assert.Equal("abcd"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void GZip_IntoTheStream_DecompressesToTheOriginal()
    {
        var original = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 251)).ToArray();
        using var compressed = new PooledByteBuffer();

        using (var gzip = new GZipStream(new PooledByteBufferStream(compressed), CompressionLevel.Fastest))
        {
            gzip.Write(original);
        }

        using var unzipped = new MemoryStream();
        using (var gunzip = new GZipStream(new MemoryStream(compressed.WrittenMemory.ToArray()), CompressionMode.Decompress))
        {
            gunzip.CopyTo(unzipped);
        }

        Assert.True(compressed.WrittenCount < original.Length);
        Assert.Equal(original, unzipped.ToArray());
    }
}
