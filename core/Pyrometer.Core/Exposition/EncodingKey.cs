using Pyrometer.Internal;

namespace Pyrometer.Exposition;

/// <summary>
/// Names one cached encoding that an exposition format keeps on every series, collector, exemplar and registry:
/// the format computes it once (say, a series' labels in its own syntax) and reuses it on every scrape through
/// <see cref="MetricSeries.GetEncoding{T}(EncodingKey{T}, Func{MetricSeries, T})"/> and its siblings. Core knows
/// nothing of what the encoding holds.
/// </summary>
/// <typeparam name="T">The type of the cached encoding.</typeparam>
/// <remarks>
/// Each key takes one slot in the small slot array of every object it is used on, so create a key once per kind
/// of encoding (in a <see langword="static readonly"/> field, or on a singleton format) rather than per call.
/// </remarks>
public sealed class EncodingKey<T>
    where T : class
{
    /// <summary>Creates a key, taking the next free slot index.</summary>
    public EncodingKey()
    {
        Index = EncodingSlots.NextIndex();
    }

    internal int Index { get; }
}
