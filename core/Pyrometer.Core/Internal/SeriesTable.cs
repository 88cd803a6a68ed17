using System.Runtime.CompilerServices;

namespace Pyrometer.Internal;

/// <summary>
/// The series of one collector: a lock-free open-addressing index for lookups by label values and a list in
/// creation order for exposition. Writers serialize on a lock; readers never lock and never allocate.
/// </summary>
internal sealed class SeriesTable<TSeries>
    where TSeries : MetricSeries
{
    private const int InitialSlots = 8;

#if NET9_0_OR_GREATER
    private readonly Lock _writeLock = new();
#else
    private readonly object _writeLock = new();
#endif
    private TSeries?[] _slots = new TSeries?[InitialSlots];
    private SeriesList<TSeries> _list = SeriesList<TSeries>.Empty;

    public SeriesList<TSeries> List => Volatile.Read(ref _list);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HashOf(string[]? names, ReadOnlySpan<string> values)
    {
        var hash = values.Length;
        foreach (var value in values)
        {
            hash = (int)((uint)(hash * -1640531535) + (uint)(value?.GetHashCode() ?? 0));
        }

        if (names is not null)
        {
            foreach (var name in names)
            {
                hash = (int)((uint)(hash * -1640531535) + (uint)name.GetHashCode());
            }
        }

        return hash ^ (hash >>> 15);
    }

    /// <summary>Finds the series for these label values, or null. <paramref name="names"/> is null when the
    /// collector declares its label names (every series shares them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TSeries? Find(string[]? names, ReadOnlySpan<string> values, int hash)
    {
        var slots = Volatile.Read(ref _slots);
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var series = slots[i];
            if (series is null)
            {
                return null;
            }

            if (series.Hash == hash && series.Matches(names, values))
            {
                return series;
            }
        }
    }

    public TSeries GetOrAdd<TState>(string[]? names, ReadOnlySpan<string> values, int hash, TState state, Func<TState, int, TSeries> create)
    {
        lock (_writeLock)
        {
            var existing = Find(names, values, hash);
            if (existing is not null)
            {
                return existing;
            }

            var series = create(state, hash);
            Append(series);
            return series;
        }
    }

    public bool Remove(string[]? names, ReadOnlySpan<string> values)
    {
        var hash = HashOf(names, values);
        lock (_writeLock)
        {
            var found = Find(names, values, hash);
            if (found is null)
            {
                return false;
            }

            var old = _list;
            var kept = new SeriesList<TSeries>(Math.Max(old.Count, 1));
            foreach (var series in old.Items.AsSpan(0, old.Count))
            {
                if (!ReferenceEquals(series, found))
                {
                    kept.Items[kept.Count++] = series;
                }
            }

            Rebuild(kept);
            return true;
        }
    }

    public void Clear()
    {
        lock (_writeLock)
        {
            Volatile.Write(ref _slots, new TSeries?[InitialSlots]);
            Volatile.Write(ref _list, SeriesList<TSeries>.Empty);
        }
    }

    private void Append(TSeries series)
    {
        var list = _list;
        if (list.Count == list.Items.Length)
        {
            var grown = new SeriesList<TSeries>(Math.Max(4, list.Items.Length * 2));
            Array.Copy(list.Items, grown.Items, list.Count);
            grown.Count = list.Count;
            list = grown;
            Volatile.Write(ref _list, grown);
        }

        list.Items[list.Count] = series;
        Volatile.Write(ref list.Count, list.Count + 1);

        var slots = _slots;
        if ((list.Count * 2) > slots.Length)
        {
            Rebuild(list);
        }
        else
        {
            Insert(slots, series);
        }
    }

    private void Rebuild(SeriesList<TSeries> list)
    {
        var size = InitialSlots;
        while (size < list.Count * 2)
        {
            size *= 2;
        }

        var slots = new TSeries?[size];
        foreach (var series in list.Items.AsSpan(0, list.Count))
        {
            Insert(slots, series);
        }

        Volatile.Write(ref _slots, slots);
        Volatile.Write(ref _list, list);
    }

    private static void Insert(TSeries?[] slots, TSeries series)
    {
        var mask = slots.Length - 1;
        var i = series.Hash & mask;
        while (slots[i] is not null)
        {
            i = (i + 1) & mask;
        }

        Volatile.Write(ref slots[i], series);
    }
}
