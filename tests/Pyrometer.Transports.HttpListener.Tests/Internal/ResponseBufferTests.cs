using System.Buffers;
using Pyrometer.Transports.HttpListener.Internal;

namespace Pyrometer.Transports.HttpListener.Tests.Internal;

public sealed class ResponseBufferTests
{
    [Fact]
    public async Task WriteToAsync_AfterGrowingManyTimes_CopiesEverythingInOrder()
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
    public async Task WriteToAsync_LargeBody_IsOneWrite()
    {
        using var buffer = new ResponseBuffer();
        for (var i = 0; i < 100; i++)
        {
            buffer.Write(new byte[4096], 0, 4096);
        }

        using var destination = new WriteCountingStream();
        await buffer.WriteToAsync(destination, CancellationToken.None);

        Assert.Equal(1, destination.Writes);
        Assert.Equal(409_600, destination.Length);
    }

    [Fact]
    public void Write_LargerThanTheBuffer_IsKeptWhole()
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
    public void GetMemory_SizeHintLargerThanTheBuffer_ReturnsEnoughSpace()
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

    private sealed class WriteCountingStream : Stream
    {
        private long _length;

        public int Writes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Count(count);

        public override void Write(ReadOnlySpan<byte> buffer) => Count(buffer.Length);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Length);
            return default;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Count(count);
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Count(int bytes)
        {
            Writes++;
            _length += bytes;
        }
    }
}
