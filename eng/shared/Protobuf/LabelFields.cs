using Google.Protobuf;

namespace Pyrometer.Internal;

/// <summary>
/// Encodes a label set as repeated length-delimited field 1 of pairs <c>{1 name, 2 value}</c>: the <c>label</c>
/// field of metrics.proto's <c>Metric</c> and the <c>labels</c> field of remote write's <c>TimeSeries</c> alike.
/// </summary>
internal static class LabelFields
{
    private const byte EntryTag = (1 << 3) | 2;
    private const byte NameTag = (1 << 3) | 2;
    private const byte ValueTag = (2 << 3) | 2;

    /// <summary>Encodes the pairs in the order given.</summary>
    public static byte[] Encode(ReadOnlySpan<KeyValuePair<string, string>> pairs)
    {
        var size = 0;
        foreach (var pair in pairs)
        {
            var content = ContentSize(pair.Key, pair.Value);
            size += 1 + CodedOutputStream.ComputeLengthSize(content) + content;
        }

        if (size == 0)
        {
            return [];
        }

        var bytes = new byte[size];
        var output = new CodedOutputStream(bytes);
        foreach (var pair in pairs)
        {
            output.WriteRawTag(EntryTag);
            output.WriteLength(ContentSize(pair.Key, pair.Value));
            output.WriteRawTag(NameTag);
            output.WriteString(pair.Key);
            output.WriteRawTag(ValueTag);
            output.WriteString(pair.Value);
        }

        output.CheckNoSpaceLeft();
        return bytes;
    }

    private static int ContentSize(string name, string value) =>
        1 + CodedOutputStream.ComputeStringSize(name) + 1 + CodedOutputStream.ComputeStringSize(value);
}
