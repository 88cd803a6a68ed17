using System.Buffers;
using Pyrometer.Internal;

namespace Pyrometer.Core.Tests.Internal;

public sealed class PooledByteBufferTests
{
    [Fact]
    public async Task WriteToAsync_AfterGrowingManyTimes_CopiesEverythingInOrder()
    {
        var expected = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        using var buffer = new PooledByteBuffer();
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

        Assert.Equal(expected.Length, buffer.WrittenCount);
        Assert.Equal(expected, copy.ToArray());
        Assert.Equal(expected, buffer.WrittenMemory.ToArray());
    }

    [Fact]
    public async Task WriteToAsync_LargeBody_IsOneWrite()
    {
        using var buffer = new PooledByteBuffer();
        for (var i = 0; i < 100; i++)
        {
            buffer.Write(new byte[4096]);
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
        using var buffer = new PooledByteBuffer();

        buffer.Write(expected.AsSpan(0, 10));
        buffer.Write(expected.AsSpan(10));

        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
        Assert.Equal(expected.Length, buffer.WrittenCount);
    }

    [Fact]
    public void GetMemory_SizeHintLargerThanTheBuffer_ReturnsEnoughSpace()
    {
        using var buffer = new PooledByteBuffer(16);

        var memory = buffer.GetMemory(100_000);

        Assert.True(memory.Length >= 100_000);
    }

    [Fact]
    public void GetSpan_Growing_KeepsWhatWasWritten()
    {
        using var buffer = new PooledByteBuffer(16);
        buffer.Write("abc"u8);

        buffer.GetSpan(1_000);

        Assert.Equal("abc"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void GetSpan_BeyondTwoGigabytes_ThrowsInvalidOperation()
    {
        using var buffer = new PooledByteBuffer();
        buffer.Write("a"u8);

        var error = Assert.Throws<InvalidOperationException>(() => buffer.GetSpan(int.MaxValue));

        Assert.Contains("2 GB", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, buffer.WrittenCount);
    }

    [Fact]
    public void Advance_PastTheSpanGiven_Throws()
    {
        using var buffer = new PooledByteBuffer();
        var length = buffer.GetSpan(16).Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(length + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
    }

    [Fact]
    public void IBufferWriter_ExtensionWrite_Appends()
    {
        using var buffer = new PooledByteBuffer();
        IBufferWriter<byte> writer = buffer;

        writer.Write("abc"u8);
        writer.Write("def"u8);

        Assert.Equal("abcdef"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public async Task FlushToAsync_WithBytes_WritesOnceAndEmpties()
    {
        using var buffer = new PooledByteBuffer();
        using var destination = new WriteCountingStream();
        buffer.Write("abc"u8);
        buffer.Write("def"u8);

        await buffer.FlushToAsync(destination, CancellationToken.None);

        Assert.Equal(1, destination.Writes);
        Assert.Equal(6, destination.Length);
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public async Task FlushToAsync_Empty_DoesNotWrite()
    {
        using var buffer = new PooledByteBuffer();
        using var destination = new WriteCountingStream();

        await buffer.FlushToAsync(destination, CancellationToken.None);

        Assert.Equal(0, destination.Writes);
    }

    [Fact]
    public async Task FlushToAsync_Repeated_WritesEachChunkOnce()
    {
        using var buffer = new PooledByteBuffer();
        using var copy = new MemoryStream();

        buffer.Write("abc"u8);
        await buffer.FlushToAsync(copy, CancellationToken.None);
        buffer.Write("def"u8);
        await buffer.FlushToAsync(copy, CancellationToken.None);

        Assert.Equal("abcdef"u8.ToArray(), copy.ToArray());
    }

    [Fact]
    public void Clear_AfterWriting_EmptiesAndAcceptsNewBytes()
    {
        using var buffer = new PooledByteBuffer();
        buffer.Write("abc"u8);

        buffer.Clear();
        buffer.Write("xy"u8);

        Assert.Equal("xy"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Dispose_AfterWriting_ForgetsTheBytes()
    {
        var buffer = new PooledByteBuffer();
        buffer.Write("abc"u8);

        buffer.Dispose();
        buffer.Dispose();

        Assert.Equal(0, buffer.WrittenCount);
        Assert.True(buffer.WrittenSpan.IsEmpty);
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
