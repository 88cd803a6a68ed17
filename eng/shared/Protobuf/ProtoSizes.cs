using Google.Protobuf;

namespace Pyrometer.Internal;

/// <summary>Sizes of protobuf fields, computed from the values themselves so no message is built.</summary>
internal static class ProtoSizes
{
    /// <summary>The size of a double field with a one-byte tag: the tag and 8 bytes.</summary>
    public const int DoubleFieldSize = 9;

    /// <summary>Gets the size of a length-delimited field holding <paramref name="length"/> bytes: tag, length, content.</summary>
    public static int Field(int length) => 1 + CodedOutputStream.ComputeLengthSize(length) + length;

    /// <summary>Gets the size of a varint field: tag and value.</summary>
    public static int Varint(ulong value) => 1 + CodedOutputStream.ComputeRawVarint64Size(value);
}
