namespace Pyrometer;

public sealed partial class CounterSeries
{
    // Null until the first exemplar; each recording publishes a new immutable object.
    private RecordedExemplar? _exemplar;

    /// <summary>Gets the latest exemplar recorded with <see cref="Inc(Pyrometer.Exemplar)"/> or <see cref="Add(double, Pyrometer.Exemplar)"/>, or null when there is none.</summary>
    public RecordedExemplar? Exemplar => Volatile.Read(ref _exemplar);

    /// <summary>Adds 1 and keeps <paramref name="exemplar"/> as the series' latest exemplar, with value 1 and the current time.</summary>
    public void Inc(Exemplar exemplar)
    {
        Guard.NotNull(exemplar);
        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active && Wake() is CounterSeries successor)
        {
            successor.Inc(exemplar);
            return;
        }

        AddUnchecked(1.0);
        Record(exemplar, 1.0);
    }

    /// <summary>Adds a non-negative amount and keeps <paramref name="exemplar"/> as the series' latest exemplar, with that amount and the current time.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or NaN.</exception>
    public void Add(double amount, Exemplar exemplar)
    {
        Guard.NotNull(exemplar);
        if (!(amount >= 0))
        {
            ThrowHelper.NegativeIncrement(amount);
        }

        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active && Wake() is CounterSeries successor)
        {
            successor.Add(amount, exemplar);
            return;
        }

        AddUnchecked(amount);
        Record(exemplar, amount);
    }

    private void Record(Exemplar exemplar, double amount) =>
        Volatile.Write(ref _exemplar, new RecordedExemplar(exemplar, amount, Collector.TimeProvider.GetUtcNow()));
}
