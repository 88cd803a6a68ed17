using System.Runtime.CompilerServices;

namespace Pyrometer;

/// <summary>
/// A metric that goes up and down, such as memory in use or requests in flight. Without labels, use it
/// directly; with labels, address series with <c>WithLabels(...)</c> and keep the handles.
/// </summary>
/// <remarks>Thread-safe: any number of threads may update, read and remove its series at once. An update through a
/// kept handle takes no lock and allocates nothing.</remarks>
public sealed class Gauge : Collector<GaugeSeries>, IGauge
{
    /// <summary>Creates a gauge outside any registry; add it to one with <see cref="MetricRegistry.Register"/>.</summary>
    /// <exception cref="ArgumentException">A name is invalid or reserved, the help text is empty, or an option is invalid.</exception>
    public Gauge(string name, string help, GaugeOptions? options = null)
        : this(name, help, options ?? new(), null)
    {
    }

    internal Gauge(string name, string help, GaugeOptions options, TimeProvider? defaultTime)
        : base(name, help, MetricType.Gauge, options, defaultTime)
    {
    }

    /// <summary>Gets the value of the series without labels.</summary>
    public double Value => Unlabelled.Value;

    /// <summary>Sets the series without labels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(double value) => Unlabelled.Set(value);

    /// <summary>Adds 1 to the series without labels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Inc() => Unlabelled.Inc();

    /// <summary>Subtracts 1 from the series without labels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dec() => Unlabelled.Dec();

    /// <summary>Adds an amount to the series without labels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double amount) => Unlabelled.Add(amount);

    /// <summary>Subtracts an amount from the series without labels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Sub(double amount) => Unlabelled.Sub(amount);

    /// <summary>Sets the series without labels to the current time, in seconds since the Unix epoch.</summary>
    public void SetToCurrentTime() => Unlabelled.SetToCurrentTime();

    /// <summary>Sets the series with these labels.</summary>
    public void Set(Labels labels, double value) => WithLabels(labels).Set(value);

    /// <summary>Adds 1 to the series with these labels.</summary>
    public void Inc(Labels labels) => WithLabels(labels).Inc();

    /// <summary>Subtracts 1 from the series with these labels.</summary>
    public void Dec(Labels labels) => WithLabels(labels).Dec();

    /// <summary>Adds an amount to the series with these labels.</summary>
    public void Add(Labels labels, double amount) => WithLabels(labels).Add(amount);

    /// <summary>Subtracts an amount from the series with these labels.</summary>
    public void Sub(Labels labels, double amount) => WithLabels(labels).Sub(amount);

    /// <summary>Sets the series with these labels to the current time, in seconds since the Unix epoch.</summary>
    public void SetToCurrentTime(Labels labels) => WithLabels(labels).SetToCurrentTime();

    private protected override GaugeSeries CreateSeries(string[] labelNames, string[] labelValues, int hash) =>
        new(this, labelNames, labelValues, hash);
}
