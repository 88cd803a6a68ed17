using System.Runtime.CompilerServices;

namespace Pyrometer;

/// <summary>One series of a <see cref="Gauge"/>. Its operations never allocate nor look anything up.</summary>
public sealed class GaugeSeries : MetricSeries, IGauge
{
    private readonly TimeProvider _time;
    private double _value;

    internal GaugeSeries(Collector collector, string[] labelNames, string[] labelValues, int hash)
        : base(collector, labelNames, labelValues, hash)
    {
        _time = collector.TimeProvider;
    }

    /// <inheritdoc />
    public double Value => Volatile.Read(ref _value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(double value)
    {
        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active && Wake() is GaugeSeries successor)
        {
            successor.Set(value);
            return;
        }

        Volatile.Write(ref _value, value);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Inc()
    {
        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active && Wake() is GaugeSeries successor)
        {
            successor.Inc();
            return;
        }

        AtomicDouble.Add(ref _value, 1.0);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dec()
    {
        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active && Wake() is GaugeSeries successor)
        {
            successor.Dec();
            return;
        }

        AtomicDouble.Add(ref _value, -1.0);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double amount)
    {
        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active && Wake() is GaugeSeries successor)
        {
            successor.Add(amount);
            return;
        }

        AtomicDouble.Add(ref _value, amount);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Sub(double amount)
    {
        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active && Wake() is GaugeSeries successor)
        {
            successor.Sub(amount);
            return;
        }

        AtomicDouble.Add(ref _value, -amount);
    }

    /// <summary>Sets the value to the current time, in seconds since the Unix epoch.</summary>
    public void SetToCurrentTime() => Set(_time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
}
