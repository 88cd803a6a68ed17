namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>
/// A write-only stream that appends to a <see cref="PooledByteBuffer"/>, so gzip can compress into pooled memory.
/// The buffer stays its owner's: disposing the stream leaves it intact.
/// </summary>
internal sealed class PooledByteBufferStream(PooledByteBuffer destination) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => destination.WrittenCount;

    public override long Position
    {
        get => destination.WrittenCount;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Append(buffer.AsSpan(offset, count));

#if NET
    public override void Write(ReadOnlySpan<byte> buffer) => Append(buffer);
#endif

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Append(ReadOnlySpan<byte> source) => destination.Write(source);
}
