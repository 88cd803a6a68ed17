namespace Pyrometer.Internal;

/// <summary>The native part of a histogram series: one <see cref="NativeCounts"/> per side and what its bucket limit needs.</summary>
internal sealed class NativeState
{
    private readonly NativeCounts[] _sides;

    public NativeState(NativeLayout layout, DateTimeOffset created)
    {
        Layout = layout;
        _sides = [new(layout.Schema, layout.ZeroThreshold), new(layout.Schema, layout.ZeroThreshold)];
        LastReset = created;
    }

    public NativeLayout Layout { get; }

    /// <summary>Gets or sets when the series last reset (or was created); read and written under the series lock.</summary>
    public DateTimeOffset LastReset { get; set; }

    /// <summary>
    /// The number of distinct non-empty buckets of both sides, counted up by observers opening new ones (a race
    /// between two sides opening the same bucket can miss one) and recounted exactly under the series lock.
    /// </summary>
    public int BucketCount;

    /// <summary>Gets the counts of the side at cell offset <paramref name="side"/> (0 or the stride).</summary>
    public NativeCounts Side(int side) => Volatile.Read(ref _sides[side != 0 ? 1 : 0]);

    /// <summary>Replaces the counts of a side no observer writes.</summary>
    public void Replace(int side, NativeCounts counts) => Volatile.Write(ref _sides[side != 0 ? 1 : 0], counts);
}
