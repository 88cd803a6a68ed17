using System.Runtime.CompilerServices;

namespace Pyrometer;

/// <summary>
/// One series of a <see cref="Histogram"/>. Observing never allocates nor looks anything up (a native bucket
/// never used before takes a lock to create its storage), and every reading is consistent: the count equals the
/// buckets' total and the sum covers exactly the counted observations, even while other threads observe.
/// </summary>
/// <remarks>
/// <para>Without native buckets, an observation takes a gate word with one compare-and-swap, adds its value and its
/// bucket's count with plain writes, and opens the gate; a reading takes the same gate, so it never sees half an
/// observation. After the first collision between two threads the series stripes its cells, one gate each, and a
/// thread moves to another stripe whenever it collides again (see HistogramSeries.Classic.cs).</para>
/// <para>A native-only series starts with a gate too, over its sum, zero bucket and native buckets; after the first
/// collision it retires the gate for the hot and cold sides below (see HistogramSeries.NativeGate.cs).</para>
/// <para>With classic and native buckets, counts live in two sides, hot and cold. An observation adds one to a word whose top bit names the hot side and
/// whose other bits count the observations started, then adds its value to that side's sum (and native buckets)
/// and, last, one to its classic bucket there, so a side's classic buckets total its completed observations. A
/// reading flips the hot bit, waits until the side it retired has completed every observation started on it,
/// and adds both sides, which nothing writes meanwhile (the other side was retired by the previous reading).</para>
/// </remarks>
public sealed partial class HistogramSeries : MetricSeries, IValueObserver
{
    // Every classic bound but +Inf (shared with the histogram); see BucketSearch.
    private readonly double[] _finiteBounds;
    private readonly int _buckets;

    // Side s is _cells[s * _stride ..]: the bits of its sum, then its non-cumulative classic bucket counts.
    private readonly int _stride;
    private readonly long[] _cells;

    // Bit 63: the hot side; bits 0-62: the observations started since creation (or the last reset).
    private long _countAndHot;

    internal HistogramSeries(Histogram histogram, string[] labelNames, string[] labelValues, int hash)
        : base(histogram, labelNames, labelValues, hash)
    {
        _finiteBounds = histogram.FiniteBounds;
        _buckets = histogram.UpperBoundArray.Length;
        _stride = _buckets + 1;
        if (histogram.NativeLayout is null)
        {
            _classic = new long[FirstCountCell + _buckets];
            _unstriped = _classic;
            _cells = [];
        }
        else
        {
            _cells = new long[2 * _stride];
        }

        if (histogram.NativeLayout is { } layout)
        {
            _native = new NativeState(layout, Created);
            _nativeOnly = !histogram.HasClassicBuckets;
        }
    }

    /// <summary>Gets the sum of all observations, read consistently with <see cref="Count"/>.</summary>
    public double Sum
    {
        get
        {
            Collect(default, null, out var sum);
            return sum;
        }
    }

    /// <summary>Gets the number of observations.</summary>
    public long Count => Collect(default, null, out _);

    /// <inheritdoc />
    /// <remarks>NaN counts, in the +Inf bucket and no native bucket, and makes the sum NaN.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Observe(double value)
    {
        // Inlined into callers: the common case alone, an active classic-only series whose cells are not striped.
        // Everything else (waking, stripes, native buckets, a collision) is a call, so this code needs no frame,
        // spills nothing and reads two fields before the search.
        var cells = _unstriped;
        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active || cells is null)
        {
            ObserveOther(value);
            return;
        }

        var bucket = BucketSearch.IndexOf(_finiteBounds, value);
        ref var gate = ref GateOf(cells);
        if (Interlocked.CompareExchange(ref gate, 1, 0) != 0)
        {
            ObserveContended(value, bucket);
            return;
        }

        Record(ref gate, value, bucket);
    }

    /// <summary>
    /// Copies the cumulative bucket counts (one per <see cref="Histogram.UpperBounds"/> entry, the last being
    /// +Inf) into <paramref name="cumulativeCounts"/> and returns the total count, which always equals the last
    /// bucket; <paramref name="sum"/> covers exactly the counted observations. Counts never decrease from one
    /// snapshot to the next, unless a native histogram resets (see <see cref="NativeHistogramOptions.MinResetDuration"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The destination is shorter than the bucket list.</exception>
    public long CopyCumulativeCounts(Span<long> cumulativeCounts, out double sum)
    {
        if (cumulativeCounts.Length < _buckets)
        {
            throw new ArgumentException($"The destination needs room for {_buckets} buckets.", nameof(cumulativeCounts));
        }

        return Collect(cumulativeCounts.Slice(0, _buckets), null, out sum);
    }

    /// <summary>
    /// Observes into a series that is not active, or has striped cells or native buckets. It only dispatches, with
    /// tail calls, so it needs no frame of its own (marked NoInlining, .NET 10's JIT left them calls).
    /// </summary>
    private void ObserveOther(double value)
    {
        // Each call returns at once (no else-branches joining before the return), so the JIT makes them jumps.
        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active)
        {
            ObserveInactive(value);
            return;
        }

        ObserveActive(value);
    }

    /// <summary>Marks the series active (or hands the observation to the series that took its place) and observes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ObserveInactive(double value)
    {
        if (Wake() is HistogramSeries successor)
        {
            successor.Observe(value);
            return;
        }

        ObserveActive(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ObserveActive(double value)
    {
        if (_native is null)
        {
            ObserveClassic(value);
            return;
        }

        ObserveNative(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref double SumOf(int side) => ref Unsafe.As<long, double>(ref _cells[side]);
}
