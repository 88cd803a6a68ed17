using Pyrometer.Exposition;

namespace Pyrometer;

/// <summary>
/// Labels that point from a sample to something outside the metrics, typically the trace that produced it, as in
/// <c>requests.Inc(Exemplar.From("trace_id", traceId))</c>. OpenMetrics exposes the latest exemplar of each counter
/// series and of each histogram bucket next to its sample. Immutable: create one per trace and record it as
/// often as needed; its labels are validated once, here, and each format encodes them once.
/// </summary>
public sealed class Exemplar
{
    /// <summary>
    /// The most UTF-8 code points OpenMetrics allows in an exemplar's label names and values together: 128.
    /// </summary>
    public const int MaxLabelCodePoints = 128;

    private readonly KeyValuePair<string, string>[] _labels;
    private object?[]? _encodings;

    /// <summary>Creates an exemplar with these labels, in the order the set holds them.</summary>
    /// <exception cref="ArgumentException">
    /// A label name is not valid (<c>[a-zA-Z_][a-zA-Z0-9_]*</c>, not starting with <c>__</c>), or the names and values
    /// together are longer than <see cref="MaxLabelCodePoints"/> code points.
    /// </exception>
    public Exemplar(Labels labels)
        : this(Guard.NotNull(labels).ToArray(), nameof(labels))
    {
    }

    private Exemplar(KeyValuePair<string, string>[] labels, string paramName)
    {
        var codePoints = 0;
        foreach (var pair in labels)
        {
            MetricNames.ValidateLabelName(pair.Key, paramName);
            MetricNames.ValidateLabelValue(pair.Value, pair.Key, "the exemplar", paramName);
            codePoints += pair.Key.Length + CountCodePoints(pair.Value);
        }

        if (codePoints > MaxLabelCodePoints)
        {
            throw new ArgumentException(
                $"Exemplar labels may have at most {MaxLabelCodePoints} UTF-8 code points in names and values together (the OpenMetrics limit), but these have {codePoints}.",
                paramName);
        }

        _labels = labels;
    }

    /// <summary>Gets the labels, in the order they were given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels => _labels;

    /// <summary>
    /// Gets an exposition format's encoding of this exemplar's labels, computing it with <paramref name="encode"/>
    /// the first time this key asks and returning the cached object afterwards, without allocating.
    /// </summary>
    /// <param name="key">The format's key, created once.</param>
    /// <param name="encode">Computes the encoding; it may run more than once when scrapes race, and the first result stored wins.</param>
    /// <exception cref="InvalidOperationException"><paramref name="encode"/> returned null.</exception>
    public T GetEncoding<T>(EncodingKey<T> key, Func<Exemplar, T> encode)
        where T : class =>
        EncodingSlots.Get(ref _encodings, Guard.NotNull(key), this, encode);

    /// <summary>Creates an exemplar with one label, such as <c>Exemplar.From("trace_id", traceId)</c>.</summary>
    /// <exception cref="ArgumentException">The name is not valid, or name and value are longer than <see cref="MaxLabelCodePoints"/> code points.</exception>
    public static Exemplar From(string name, string value) =>
        new([new(Guard.NotNull(name), Guard.NotNull(value))], nameof(name));

    /// <summary>
    /// Creates an exemplar with these labels, in this order, such as
    /// <c>Exemplar.From(("trace_id", traceId), ("span_id", spanId))</c>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A name is not valid or appears twice, or the names and values together are longer than
    /// <see cref="MaxLabelCodePoints"/> code points.
    /// </exception>
    public static Exemplar From(params ReadOnlySpan<(string Name, string Value)> labels)
    {
        var pairs = new KeyValuePair<string, string>[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var (name, value) = labels[i];
            Guard.NotNull(name, nameof(labels));
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(pairs[j].Key, name))
                {
                    throw new ArgumentException($"The exemplar label '{name}' appears twice.", nameof(labels));
                }
            }

            pairs[i] = new(name, Guard.NotNull(value, nameof(labels)));
        }

        return new(pairs, nameof(labels));
    }

    // A surrogate pair is one code point; a lone surrogate is encoded as U+FFFD, also one.
    private static int CountCodePoints(string text)
    {
        var count = text.Length;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}
