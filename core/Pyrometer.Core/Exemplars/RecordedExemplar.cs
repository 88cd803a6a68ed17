using Pyrometer.Exposition;

namespace Pyrometer;

/// <summary>
/// An <see cref="Pyrometer.Exemplar"/> as a series recorded it: its labels, the value recorded with it (a
/// counter's increment or a histogram's observation) and when. Immutable, so a reader never sees parts of two
/// recordings; exposition formats read it through <see cref="CounterSeries.Exemplar"/> and
/// <see cref="HistogramSeries.GetExemplar(int)"/>.
/// </summary>
public sealed class RecordedExemplar
{
    private readonly Exemplar _exemplar;

    internal RecordedExemplar(Exemplar exemplar, double value, DateTimeOffset timestamp)
    {
        _exemplar = exemplar;
        Value = value;
        Timestamp = timestamp;
    }

    /// <summary>Gets the exemplar's labels, in the order they were given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels => _exemplar.Labels;

    /// <summary>
    /// Gets an exposition format's encoding of the exemplar's labels, cached on the <see cref="Pyrometer.Exemplar"/>
    /// recorded, so it is computed once however often the exemplar is recorded: see
    /// <see cref="Exemplar.GetEncoding{T}(EncodingKey{T}, Func{Exemplar, T})"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="encode"/> returned null.</exception>
    public T GetEncoding<T>(EncodingKey<T> key, Func<Exemplar, T> encode)
        where T : class =>
        _exemplar.GetEncoding(key, encode);

    /// <summary>Gets the value recorded with the exemplar: the counter increment or the histogram observation.</summary>
    public double Value { get; }

    /// <summary>Gets when the exemplar was recorded, by the clock of its collector.</summary>
    public DateTimeOffset Timestamp { get; }
}
