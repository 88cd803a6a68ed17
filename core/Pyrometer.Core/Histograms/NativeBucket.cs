namespace Pyrometer;

/// <summary>
/// One native histogram bucket in a <see cref="HistogramSnapshot"/>: its index and how many observations it holds.
/// At schema <c>s</c>, bucket <c>i</c> holds the magnitudes in (base^(i−1), base^i] with base = 2^(2^−s).
/// </summary>
public readonly struct NativeBucket
{
    /// <summary>Creates a bucket.</summary>
    public NativeBucket(int index, long count)
    {
        Index = index;
        Count = count;
    }

    /// <summary>Gets the bucket index.</summary>
    public int Index { get; }

    /// <summary>Gets the number of observations in the bucket.</summary>
    public long Count { get; }
}
