namespace Pyrometer.Internal;

/// <summary>The native part of a histogram series: one <see cref="NativeCounts"/> per side and what its bucket limit needs.</summary>
internal sealed class NativeState
{
    private NativeCounts _first;
    private NativeCounts _second;

    public NativeState(NativeLayout layout, DateTimeOffset created)
    {
        Layout = layout;
        _first = new(layout.Schema, layout.ZeroThreshold);
        _second = new(layout.Schema, layout.ZeroThreshold);
        LastReset = created;
    }

    public NativeLayout Layout { get; }

    /// <summary>Gets or sets when the series last reset (or was created); read and written under the series lock, or the gate of a native-only series.</summary>
    public DateTimeOffset LastReset { get; set; }

    /// <summary>
    /// The number of distinct non-empty buckets of both sides, counted up by observers opening new ones (a race
    /// between two sides opening the same bucket can miss one) and recounted exactly under the series lock (under the gate, observers count it exactly).
    /// </summary>
    public int BucketCount;

    /// <summary>Gets the counts of the side at cell offset <paramref name="side"/> (0 or the stride).</summary>
    public NativeCounts Side(int side) => side == 0 ? Volatile.Read(ref _first) : Volatile.Read(ref _second);

    /// <summary>Replaces the counts of a side no observer writes.</summary>
    public void Replace(int side, NativeCounts counts) => Volatile.Write(ref side == 0 ? ref _first : ref _second, counts);
}
