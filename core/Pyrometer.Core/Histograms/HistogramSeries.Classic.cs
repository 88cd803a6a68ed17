using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pyrometer;

public sealed partial class HistogramSeries
{
    // A histogram without native buckets keeps its counts in cell arrays: [gate, bits of the sum, bucket counts].
    // An observation takes the gate (the one atomic instruction it needs), adds, and opens it; a reading does the
    // same, so the sum and the counts it reads always cover the same observations.
    private const int GateCell = 0;
    private const int SumCell = 1;
    private const int FirstCountCell = 2;

    // Room after a stripe's cells, so that two stripes never share a cache line.
    private const int StripePadding = 8;

    private static readonly int StripeCount = StripesFor(Environment.ProcessorCount);

    private readonly long[]? _classic;

    // _classic until the cells are striped (null for a native histogram): Observe's inlined path takes these.
    private long[]? _unstriped;

    // Created the first time two threads collide on _classic's gate; from then on each thread observes into a
    // stripe of its own, moving to another whenever it collides there too.
    private long[][]? _stripes;

    /// <summary>Gets whether the classic cells are striped, for tests.</summary>
    internal bool IsStriped => Volatile.Read(ref _stripes) is not null;

    /// <summary>Observes into the classic cells, striped or not, outside <see cref="Observe(double)"/>'s inlined path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ObserveClassic(double value)
    {
        var bucket = BucketSearch.IndexOf(_finiteBounds, value);
        var stripes = _stripes;
        var cells = stripes is null ? _classic! : stripes[ThreadProbe.Current & (stripes.Length - 1)];
        ref var gate = ref GateOf(cells);
        if (Interlocked.CompareExchange(ref gate, 1, 0) != 0)
        {
            ObserveContended(value, bucket);
            return;
        }

        Record(ref gate, value, bucket);
    }

    /// <summary>Gets the gate cell of classic cells, the first (without a bounds check where the runtime allows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref long GateOf(long[] cells)
    {
#if NET
        return ref MemoryMarshal.GetArrayDataReference(cells);
#else
        return ref cells[GateCell];
#endif
    }

    /// <summary>
    /// Adds an observation to the cells whose gate the caller holds, and opens the gate. <paramref name="bucket"/>
    /// comes from <see cref="BucketSearch.IndexOf"/>, so it is below the cells' bucket count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Record(ref long gate, double value, int bucket)
    {
        Unsafe.As<long, double>(ref Unsafe.Add(ref gate, SumCell)) += value;
        Unsafe.Add(ref gate, FirstCountCell + bucket)++;
        Volatile.Write(ref gate, 0);
    }

    /// <summary>Creates the stripes unless they exist (or the machine has one processor); internal for tests.</summary>
    internal void Stripe()
    {
        if (Volatile.Read(ref _stripes) is null && StripeCount > 1)
        {
            var created = new long[StripeCount][];
            for (var i = 0; i < created.Length; i++)
            {
                created[i] = new long[FirstCountCell + _buckets + StripePadding];
            }

            Interlocked.CompareExchange(ref _stripes, created, null);

            // From now on observations go through ObserveClassic, which picks a stripe; one that read the cells
            // before still completes there, and readings go on reading them.
            Volatile.Write(ref _unstriped, null);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ObserveContended(double value, int bucket)
    {
        Stripe();
        var spinner = default(SpinWait);
        while (true)
        {
            var stripes = Volatile.Read(ref _stripes);
            var cells = stripes is null ? _classic! : stripes[ThreadProbe.Current & (stripes.Length - 1)];
            ref var gate = ref GateOf(cells);
            if (Interlocked.CompareExchange(ref gate, 1, 0) == 0)
            {
                Record(ref gate, value, bucket);
                return;
            }

            ThreadProbe.Advance();
            Spin(ref spinner);
        }
    }

    /// <summary>Reads the classic cells and every stripe, each under its gate; returns the count.</summary>
    private long CollectClassic(Span<long> cumulative, out double sum)
    {
        sum = 0;
        var total = ReadCells(_classic!, cumulative, add: false, ref sum);
        if (Volatile.Read(ref _stripes) is { } stripes)
        {
            foreach (var stripe in stripes)
            {
                total += ReadCells(stripe, cumulative, add: true, ref sum);
            }
        }

        long running = 0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            running += cumulative[i];
            cumulative[i] = running;
        }

        return total;
    }

    private long ReadCells(long[] cells, Span<long> counts, bool add, ref double sum)
    {
        var spinner = default(SpinWait);
        while (Interlocked.CompareExchange(ref cells[GateCell], 1, 0) != 0)
        {
            Spin(ref spinner);
        }

        sum += Unsafe.As<long, double>(ref cells[SumCell]);
        long total = 0;
        for (var i = 0; i < _buckets; i++)
        {
            var count = cells[FirstCountCell + i];
            total += count;
            if (!counts.IsEmpty)
            {
                counts[i] = add ? counts[i] + count : count;
            }
        }

        Volatile.Write(ref cells[GateCell], 0);
        return total;
    }

    private static void Spin(ref SpinWait spinner)
    {
#if NET
        spinner.SpinOnce(sleep1Threshold: -1);
#else
        spinner.SpinOnce();
#endif
    }

    private static int StripesFor(int processors)
    {
        var stripes = 1;
        while (stripes < processors && stripes < 64)
        {
            stripes <<= 1;
        }

        return stripes;
    }
}
