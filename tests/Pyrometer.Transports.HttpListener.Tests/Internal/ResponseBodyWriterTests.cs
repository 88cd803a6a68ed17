using System.Buffers;
using Pyrometer.Transports.HttpListener.Internal;
using Pyrometer.Transports.HttpListener.Tests.Fakes;

namespace Pyrometer.Transports.HttpListener.Tests.Internal;

public sealed class ResponseBodyWriterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(36_000)]
    [InlineData(ResponseBodyWriter.SingleWriteLimit)]
    public async Task WriteAsync_BodyUpToTheLimit_IsOneWrite(int length)
    {
        var body = SizedFormat.BodyOf(length);
        var destination = new WriteRecordingStream();

        await ResponseBodyWriter.WriteAsync(destination, new ReadOnlySequence<byte>(body), CancellationToken.None);

        Assert.Equal([length], destination.WriteLengths);
        Assert.Equal(body, destination.ToArray());
    }

    [Theory]
    [InlineData(ResponseBodyWriter.SingleWriteLimit + 1)]
    [InlineData(ResponseBufferPool.BlockSize)]
    public async Task WriteAsync_OneBlockOverTheLimit_IsASmallHeadThenTheRest(int length)
    {
        var body = SizedFormat.BodyOf(length);
        var destination = new WriteRecordingStream();

        await ResponseBodyWriter.WriteAsync(destination, new ReadOnlySequence<byte>(body), CancellationToken.None);

        Assert.Equal([ResponseBodyWriter.HeadLength, length - ResponseBodyWriter.HeadLength], destination.WriteLengths);
        Assert.Equal(body, destination.ToArray());
    }

    [Fact]
    public async Task WriteAsync_BodyInBlocks_IsASmallHeadThenOneWritePerBlock()
    {
        var pool = new ResponseBufferPool(ResponseBufferPool.BlockSize);
        var body = SizedFormat.BodyOf((3 * ResponseBufferPool.BlockSize) + 5000);
        using var stream = pool.Rent();
        stream.Write(body, 0, body.Length);
        var destination = new WriteRecordingStream();

        await ResponseBodyWriter.WriteAsync(destination, stream.GetReadOnlySequence(), CancellationToken.None);

        int[] expected = [ResponseBodyWriter.HeadLength, ResponseBufferPool.BlockSize - ResponseBodyWriter.HeadLength, ResponseBufferPool.BlockSize, ResponseBufferPool.BlockSize, 5000];
        Assert.Equal(expected, destination.WriteLengths);
        Assert.Equal(body, destination.ToArray());
    }

    private sealed class WriteRecordingStream : MemoryStream
    {
        public List<int> WriteLengths { get; } = [];

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            WriteLengths.Add(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
