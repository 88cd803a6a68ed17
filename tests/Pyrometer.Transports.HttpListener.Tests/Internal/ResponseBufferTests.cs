using System.Buffers;
using Pyrometer.Transports.HttpListener.Internal;

namespace Pyrometer.Transports.HttpListener.Tests.Internal;

public sealed class ResponseBufferTests
{
    [Fact]
    public async Task WriteToAsync_AcrossManySegments_CopiesEverythingInOrder()
    {
        var expected = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        using var buffer = new ResponseBuffer();
        var written = 0;
        while (written < expected.Length)
        {
            var chunk = Math.Min(1000, expected.Length - written);
            expected.AsSpan(written, chunk).CopyTo(buffer.GetSpan(chunk));
            buffer.Advance(chunk);
            written += chunk;
        }

        using var copy = new MemoryStream();
        await buffer.WriteToAsync(copy, CancellationToken.None);

        Assert.Equal(expected.Length, buffer.Length);
        Assert.Equal(expected, copy.ToArray());
    }

    [Fact]
    public void Write_StreamWritesLargerThanASegment_AreKeptWhole()
    {
        var expected = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        using var buffer = new ResponseBuffer();

        buffer.Write(expected, 0, 10);
        buffer.Write(expected, 10, expected.Length - 10);

        using var copy = new MemoryStream();
        buffer.WriteTo(copy);
        Assert.Equal(expected, copy.ToArray());
        Assert.Equal(expected.Length, buffer.Position);
    }

    [Fact]
    public void GetMemory_SizeHintLargerThanASegment_ReturnsEnoughSpace()
    {
        using var buffer = new ResponseBuffer();

        var memory = buffer.GetMemory(100_000);

        Assert.True(memory.Length >= 100_000);
    }

    [Fact]
    public void Advance_PastTheSpanGiven_Throws()
    {
        using var buffer = new ResponseBuffer();
        var length = buffer.GetSpan(16).Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(length + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
    }

    [Fact]
    public void Stream_IsWriteOnly()
    {
        using var buffer = new ResponseBuffer();

        Assert.True(buffer.CanWrite);
        Assert.False(buffer.CanRead);
        Assert.False(buffer.CanSeek);
        Assert.Throws<NotSupportedException>(() => buffer.Read(new byte[1], 0, 1));
        Assert.Throws<NotSupportedException>(() => buffer.Seek(0, SeekOrigin.Begin));
    }

    [Fact]
    public void IBufferWriter_ExtensionWrite_Appends()
    {
        using var buffer = new ResponseBuffer();
        IBufferWriter<byte> writer = buffer;

        writer.Write("abc"u8);
        writer.Write("def"u8);

        using var copy = new MemoryStream();
        buffer.WriteTo(copy);
        Assert.Equal("abcdef"u8.ToArray(), copy.ToArray());
    }
}
