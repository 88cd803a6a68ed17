using System.Buffers;
using System.Runtime.CompilerServices;

namespace Pyrometer.Formats.Text.Internal;

/// <summary>
/// The text formats' writer: bytes and numbers formatted straight into the span a <see cref="SpanOutput"/> keeps
/// between writes. Call <see cref="Flush"/> when done.
/// </summary>
internal ref struct Utf8Output
{
    private SpanOutput _output;

    public Utf8Output(IBufferWriter<byte> destination)
    {
        _output = new SpanOutput(destination);
    }

    /// <summary>Gets the number of bytes written through this instance, flushed or not.</summary>
    public readonly long Written => _output.Written;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes) => _output.Write(bytes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte value) => _output.Write(value);

    public void WriteDouble(double value) =>
        _output.Advance(NumberFormatter.FormatDouble(value, _output.Reserve(NumberFormatter.MaxLength)));

    public void WriteInt64(long value) =>
        _output.Advance(NumberFormatter.FormatInt64(value, _output.Reserve(NumberFormatter.MaxLength)));

    public void WriteUnixSeconds(DateTimeOffset time) =>
        _output.Advance(NumberFormatter.FormatUnixSeconds(time, _output.Reserve(NumberFormatter.MaxLength)));

    /// <summary>Commits what was written to the destination.</summary>
    public void Flush() => _output.Flush();
}
