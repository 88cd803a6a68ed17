using Google.Protobuf;

namespace Pyrometer.Internal;

/// <summary>
/// One side's native buckets as <c>BucketSpan</c>s and packed <c>sint64</c> deltas. A gap of one or two empty
/// buckets is bridged with zero-count buckets inside the span, as client_golang does: their deltas cost a byte
/// or two, a new span at least six. Spans write both fields even when zero, so the no-op span <c>{0, 0}</c> of a
/// native histogram without buckets is explicit.
/// </summary>
internal static class NativeSpans
{
    /// <summary>The widest gap of empty buckets bridged inside a span.</summary>
    public const int MaxBridgedGap = 2;

    // BucketSpan{1 sint32 offset, 2 uint32 length}, the same in metrics.proto and remote write's types.proto.
    private const byte SpanOffsetTag = (1 << 3) | 0;
    private const byte SpanLengthTag = (2 << 3) | 0;

    // BucketSpan{1 offset 0, 2 length 0}: two tags, two zero varints.
    private const int NoOpSpanSize = 4;

    /// <summary>Gets the size of the span and delta fields of one side; 0 when it has no buckets.</summary>
    public static int Size(ReadOnlySpan<NativeBucket> buckets)
    {
        if (buckets.IsEmpty)
        {
            return 0;
        }

        var size = 0;
        var spans = new SpanWalker(buckets);
        while (spans.Next(out var offset, out var length))
        {
            size += ProtoSizes.Field(SpanSize(offset, length));
        }

        return size + ProtoSizes.Field(DeltasSize(buckets));
    }

    /// <summary>Gets the size of the no-op span field <c>{offset 0, length 0}</c>.</summary>
    public static int NoOpSize => ProtoSizes.Field(NoOpSpanSize);

    /// <summary>Writes one side's spans and deltas; nothing when it has no buckets.</summary>
    public static void Write(ref ProtoOutput output, byte spanTag, byte deltaTag, ReadOnlySpan<NativeBucket> buckets)
    {
        if (buckets.IsEmpty)
        {
            return;
        }

        var spans = new SpanWalker(buckets);
        while (spans.Next(out var offset, out var length))
        {
            WriteSpan(ref output, spanTag, offset, length);
        }

        output.WriteLength(deltaTag, DeltasSize(buckets));
        var deltas = new DeltaWalker(buckets);
        while (deltas.Next(out var delta))
        {
            output.WriteVarint(ZigZag(delta));
        }
    }

    /// <summary>Writes the no-op span <c>{offset 0, length 0}</c>.</summary>
    public static void WriteNoOp(ref ProtoOutput output, byte spanTag) => WriteSpan(ref output, spanTag, 0, 0);

    /// <summary>Encodes a signed value as protobuf's <c>sint</c> types do.</summary>
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static void WriteSpan(ref ProtoOutput output, byte spanTag, int offset, int length)
    {
        output.WriteLength(spanTag, SpanSize(offset, length));
        output.WriteVarint(SpanOffsetTag, ZigZag(offset));
        output.WriteVarint(SpanLengthTag, (uint)length);
    }

    private static int SpanSize(int offset, int length) => ProtoSizes.Varint(ZigZag(offset)) + ProtoSizes.Varint((uint)length);

    private static int DeltasSize(ReadOnlySpan<NativeBucket> buckets)
    {
        var size = 0;
        var deltas = new DeltaWalker(buckets);
        while (deltas.Next(out var delta))
        {
            size += CodedOutputStream.ComputeRawVarint64Size(ZigZag(delta));
        }

        return size;
    }

    /// <summary>Walks the spans: runs of buckets whose gaps are at most <see cref="MaxBridgedGap"/>.</summary>
    private ref struct SpanWalker(ReadOnlySpan<NativeBucket> buckets)
    {
        private readonly ReadOnlySpan<NativeBucket> _buckets = buckets;
        private int _next;
        private int _previousEnd;

        /// <summary>Gets the next span: its offset from the previous span's end (the first's from index 0) and its length.</summary>
        public bool Next(out int offset, out int length)
        {
            if (_next == _buckets.Length)
            {
                offset = length = 0;
                return false;
            }

            var start = _buckets[_next++].Index;
            var end = start + 1;
            while (_next < _buckets.Length && _buckets[_next].Index - end <= MaxBridgedGap)
            {
                end = _buckets[_next++].Index + 1;
            }

            offset = start - _previousEnd;
            length = end - start;
            _previousEnd = end;
            return true;
        }
    }

    /// <summary>Walks the deltas: each bucket's count, bridged empty ones included, less the previous one's (the first's less 0).</summary>
    private ref struct DeltaWalker(ReadOnlySpan<NativeBucket> buckets)
    {
        private readonly ReadOnlySpan<NativeBucket> _buckets = buckets;
        private int _next;
        private int _zerosPending;
        private long _previousCount;

        public bool Next(out long delta)
        {
            if (_zerosPending > 0)
            {
                _zerosPending--;
                delta = -_previousCount;
                _previousCount = 0;
                return true;
            }

            if (_next == _buckets.Length)
            {
                delta = 0;
                return false;
            }

            var bucket = _buckets[_next++];
            delta = bucket.Count - _previousCount;
            _previousCount = bucket.Count;
            if (_next < _buckets.Length)
            {
                var gap = _buckets[_next].Index - bucket.Index - 1;
                _zerosPending = gap <= MaxBridgedGap ? gap : 0;
            }

            return true;
        }
    }
}
