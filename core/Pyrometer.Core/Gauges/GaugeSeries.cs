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
    public void Set(double value) => Volatile.Write(ref _value, value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Inc() => AtomicDouble.Add(ref _value, 1.0);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dec() => AtomicDouble.Add(ref _value, -1.0);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double amount) => AtomicDouble.Add(ref _value, amount);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Sub(double amount) => AtomicDouble.Add(ref _value, -amount);

    /// <summary>Sets the value to the current time, in seconds since the Unix epoch.</summary>
    public void SetToCurrentTime() => Set(_time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
}
