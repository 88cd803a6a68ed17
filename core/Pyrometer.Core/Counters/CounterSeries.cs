using System.Runtime.CompilerServices;

namespace Pyrometer;

/// <summary>One series of a <see cref="Counter"/>. Its operations never allocate nor look anything up.</summary>
public sealed partial class CounterSeries : MetricSeries, ICounter
{
    private static readonly int CellCount = CellsFor(Environment.ProcessorCount);

    private double _value;

    // Created the first time two threads collide on _value; from then on each thread adds to a cell of its own,
    // moving to another cell whenever it collides there too.
    private PaddedDouble[]? _cells;

    internal CounterSeries(Collector collector, string[] labelNames, string[] labelValues, int hash)
        : base(collector, labelNames, labelValues, hash)
    {
    }

    /// <inheritdoc />
    public double Value
    {
        get
        {
            var total = Volatile.Read(ref _value);
            if (Volatile.Read(ref _cells) is { } cells)
            {
                for (var i = 0; i < cells.Length; i++)
                {
                    total += Volatile.Read(ref cells[i].Value);
                }
            }

            return total;
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Inc()
    {
        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active && Wake() is CounterSeries successor)
        {
            successor.Inc();
            return;
        }

        AddUnchecked(1.0);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double amount)
    {
        if (!(amount >= 0))
        {
            ThrowHelper.NegativeIncrement(amount);
        }

        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active && Wake() is CounterSeries successor)
        {
            successor.Add(amount);
            return;
        }

        AddUnchecked(amount);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddUnchecked(double amount)
    {
        var cells = _cells;
        if (cells is null)
        {
            if (!AtomicDouble.Add(ref _value, amount))
            {
                Stripe();
            }
        }
        else if (!AtomicDouble.Add(ref cells[ThreadProbe.Current & (cells.Length - 1)].Value, amount))
        {
            ThreadProbe.Advance();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Stripe()
    {
        if (CellCount > 1)
        {
            Interlocked.CompareExchange(ref _cells, new PaddedDouble[CellCount], null);
        }
    }

    private static int CellsFor(int processors)
    {
        var cells = 1;
        while (cells < processors && cells < 64)
        {
            cells <<= 1;
        }

        return cells;
    }
}
