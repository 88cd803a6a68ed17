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

        await ResponseBodyWriter.WriteAsync(destination, body, CancellationToken.None);

        Assert.Equal([length], destination.WriteLengths);
        Assert.Equal(body, destination.ToArray());
    }

    [Theory]
    [InlineData(ResponseBodyWriter.SingleWriteLimit + 1)]
    [InlineData(1_600_000)]
    public async Task WriteAsync_BodyOverTheLimit_IsASmallHeadThenTheRestInOneWrite(int length)
    {
        var body = SizedFormat.BodyOf(length);
        var destination = new WriteRecordingStream();

        await ResponseBodyWriter.WriteAsync(destination, body, CancellationToken.None);

        Assert.Equal([ResponseBodyWriter.HeadLength, length - ResponseBodyWriter.HeadLength], destination.WriteLengths);
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
