using System.Collections;

namespace Pyrometer;

/// <summary>Enumerates the series of a <see cref="SeriesView{TSeries}"/> in creation order, skipping those removed.</summary>
/// <typeparam name="TSeries">The series handle type.</typeparam>
public struct SeriesEnumerator<TSeries> : IEnumerator<TSeries>
    where TSeries : MetricSeries
{
    private readonly TSeries?[]? _items;
    private readonly int _end;
    private int _index;
    private TSeries? _current;

    internal SeriesEnumerator(TSeries?[]? items, int end)
    {
        _items = items;
        _end = end;
        _index = -1;
        _current = null;
    }

    /// <summary>Gets the series at the current position.</summary>
    public readonly TSeries Current => _current!;

    /// <inheritdoc />
    readonly object IEnumerator.Current => Current;

    /// <summary>Moves to the next series, skipping those removed.</summary>
    /// <returns>Whether there was one.</returns>
    public bool MoveNext()
    {
        while (++_index < _end)
        {
            var series = Volatile.Read(ref _items![_index]);
            if (series is not null)
            {
                _current = series;
                return true;
            }
        }

        _index = _end;
        _current = null;
        return false;
    }

    /// <summary>Moves back to before the first series.</summary>
    public void Reset()
    {
        _index = -1;
        _current = null;
    }

    /// <summary>Does nothing: the enumerator holds no resources.</summary>
    public readonly void Dispose()
    {
    }
}
