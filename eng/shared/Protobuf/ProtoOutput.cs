using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Pyrometer.Internal;

/// <summary>
/// Protobuf wire primitives (tags, varints, little-endian doubles, raw bytes) written straight into the span a
/// <see cref="SpanOutput"/> keeps between writes. Call <see cref="Flush"/> when done.
/// </summary>
internal ref struct ProtoOutput
{
    // A tag is 1 byte here, a varint at most 10, a double 8.
    private const int MaxPrimitive = 16;

    private SpanOutput _output;

    public ProtoOutput(IBufferWriter<byte> destination)
    {
        _output = new SpanOutput(destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRaw(ReadOnlySpan<byte> bytes) => _output.Write(bytes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteVarint(ulong value)
    {
        var span = _output.Reserve(MaxPrimitive);
        var at = 0;
        while (value >= 0x80)
        {
            span[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[at++] = (byte)value;
        _output.Advance(at);
    }

    /// <summary>Writes a tag and a varint.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteVarint(byte tag, ulong value)
    {
        _output.Write(tag);
        WriteVarint(value);
    }

    /// <summary>Writes a tag and a double (wire type 1: 8 bytes, little-endian).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteDouble(byte tag, double value)
    {
        var span = _output.Reserve(ProtoSizes.DoubleFieldSize);
        span[0] = tag;
        BinaryPrimitives.WriteInt64LittleEndian(span.Slice(1), BitConverter.DoubleToInt64Bits(value));
        _output.Advance(ProtoSizes.DoubleFieldSize);
    }

    /// <summary>Writes a length-delimited field's tag and length; its content follows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteLength(byte tag, int length) => WriteVarint(tag, (uint)length);

    /// <summary>Commits what was written to the destination.</summary>
    public void Flush() => _output.Flush();
}
