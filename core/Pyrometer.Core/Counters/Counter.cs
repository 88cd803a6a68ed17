using System.Runtime.CompilerServices;
using Pyrometer.Internal;

namespace Pyrometer;

/// <summary>
/// A metric that only goes up, such as requests served or errors seen. Without labels, use it directly;
/// with labels, address series with <c>WithLabels(...)</c> and keep the handles.
/// </summary>
/// <remarks>Thread-safe: any number of threads may update, read and remove its series at once. An update through a
/// kept handle takes no lock and allocates nothing.</remarks>
public sealed class Counter : Collector<CounterSeries>, ICounter
{
    /// <summary>Creates a counter outside any registry; add it to one with <see cref="MetricRegistry.Register"/>.</summary>
    /// <exception cref="ArgumentException">A name is invalid or reserved, the help text is empty, or an option is invalid.</exception>
    public Counter(string name, string help, CounterOptions? options = null)
        : this(name, help, options ?? new(), null)
    {
    }

    internal Counter(string name, string help, CounterOptions options, TimeProvider? defaultTime)
        : base(name, help, MetricType.Counter, options, defaultTime)
    {
    }

    /// <summary>Gets the value of the series without labels.</summary>
    public double Value => Unlabelled.Value;

    /// <summary>Adds 1 to the series without labels.</summary>
    /// <exception cref="InvalidOperationException">The counter declares label names.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Inc() => Unlabelled.Inc();

    /// <summary>Adds a non-negative amount to the series without labels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or NaN.</exception>
    /// <exception cref="InvalidOperationException">The counter declares label names.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double amount) => Unlabelled.Add(amount);

    /// <summary>Adds a non-negative amount to the series without labels and keeps <paramref name="exemplar"/> as its latest exemplar.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or NaN.</exception>
    /// <exception cref="InvalidOperationException">The counter declares label names.</exception>
    public void Add(double amount, Exemplar exemplar) => Unlabelled.Add(amount, exemplar);

    /// <summary>Adds 1 to the series with these labels.</summary>
    public void Inc(Labels labels) => WithLabels(labels).Inc();

    /// <summary>Adds a non-negative amount to the series with these labels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or NaN.</exception>
    public void Add(Labels labels, double amount)
    {
        // Checked before the lookup, so a rejected amount creates no series (nor takes a cardinality slot).
        if (!(amount >= 0))
        {
            ThrowHelper.NegativeIncrement(amount);
        }

        WithLabels(labels).Add(amount);
    }

    /// <summary>Gets the series without labels (for the exemplar overload, which is an extension method).</summary>
    internal CounterSeries UnlabelledSeries => Unlabelled;

    private protected override CounterSeries CreateSeries(string[] labelNames, string[] labelValues, int hash) =>
        new(this, labelNames, labelValues, hash);
}
