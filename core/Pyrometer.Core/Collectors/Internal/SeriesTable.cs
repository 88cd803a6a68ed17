using System.Runtime.CompilerServices;

namespace Pyrometer.Internal;

/// <summary>
/// The series of one collector: a lock-free open-addressing index for lookups by label values and a list in
/// creation order for exposition. Writers serialize on a lock; readers never lock and never allocate.
/// </summary>
/// <remarks>
/// <para>A removed series leaves a tombstone in its slot (a shared placeholder, so the slots keep no removed
/// series alive), so a lookup running at the same time still probes past it, and a later insert may take the
/// slot over. Its hash, like the removed series', is -1 (<see cref="MetricSeries.IsRemoved"/>), which no lookup
/// asks for, so lookups skip it without an extra test. In the list it leaves a hole, found
/// through <see cref="MetricSeries.ListIndex"/>. A removal therefore writes two array elements; tombstones and
/// holes are dropped by rebuilds once they outnumber the live series, sized to the live series, so memory
/// shrinks with them and every call costs O(1) amortized.</para>
/// <para>Slots are at most half used (tombstones included), so probes stay short and always end on an empty
/// slot.</para>
/// </remarks>
internal sealed class SeriesTable<TSeries>
    where TSeries : MetricSeries
{
    private const int InitialSlots = 8;
    private const int InitialListCapacity = 4;

#if NET9_0_OR_GREATER
    private readonly Lock _writeLock = new();
#else
    private readonly object _writeLock = new();
#endif
    private readonly Func<TSeries> _createPlaceholder;
    private readonly Func<TSeries>? _createOverflow;

    // Takes a removed series' slot, so the slots never keep a removed series alive; made at the first removal.
    private TSeries? _tombstone;
    private TSeries?[] _slots = new TSeries?[InitialSlots];
    private int _usedSlots;
    private SeriesList<TSeries> _list = SeriesList<TSeries>.Empty;
    private TSeries? _overflow;

    /// <summary>Creates a table holding at most <paramref name="limit"/> series besides the overflow series,
    /// which <paramref name="createOverflow"/> makes the first time a new label set finds the table full;
    /// <paramref name="createPlaceholder"/> makes a series, never exposed, that removed series leave in their slots.</summary>
    public SeriesTable(Func<TSeries> createPlaceholder, int limit = int.MaxValue, Func<TSeries>? createOverflow = null)
    {
        _createPlaceholder = createPlaceholder;
        Limit = limit;
        _createOverflow = createOverflow;
    }

    /// <summary>Gets the most series the table holds besides the overflow series.</summary>
    public int Limit { get; }

    /// <summary>Gets the series that takes the label sets beyond <see cref="Limit"/>, or null while there is none.
    /// It is in the list (so it is exposed) but not in the slots (no label set finds it).</summary>
    public TSeries? Overflow => Volatile.Read(ref _overflow);

    /// <summary>Gets whether a new label set would go to the overflow series, as of now (a lock-free estimate).</summary>
    public bool IsFull => Count - (Overflow is null ? 0 : 1) >= Limit;

    public SeriesList<TSeries> List => Volatile.Read(ref _list);

    /// <summary>Gets the number of series, exactly.</summary>
    public int Count => Volatile.Read(ref List.Live);

    /// <summary>Gets the length of the slot array, for tests of how memory follows the series.</summary>
    internal int SlotCapacity => Volatile.Read(ref _slots).Length;

    /// <summary>Gets the length of the list's array, for tests of how memory follows the series.</summary>
    internal int ListCapacity => List.Items.Length;

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

        // Never negative: -1 marks a removed series.
        return (hash ^ (hash >>> 15)) & int.MaxValue;
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

    /// <summary>Finds or adds the series for these label values; once the table is full, a new label set gets
    /// the overflow series instead, and <paramref name="overflowed"/> tells so.</summary>
    public TSeries GetOrAdd<TState>(string[]? names, ReadOnlySpan<string> values, int hash, TState state, Func<TState, int, TSeries> create, out bool overflowed)
    {
        lock (_writeLock)
        {
            overflowed = false;
            var existing = Find(names, values, hash);
            if (existing is not null)
            {
                return existing;
            }

            if (IsFullLocked())
            {
                overflowed = true;
                return GetOverflowLocked();
            }

            var series = create(state, hash);
            Append(series);
            return series;
        }
    }

    /// <summary>Removes the series for these label values and returns it, or returns null when there is none.</summary>
    public TSeries? Remove(string[]? names, ReadOnlySpan<string> values)
    {
        var hash = HashOf(names, values);
        lock (_writeLock)
        {
            var series = Find(names, values, hash);
            if (series is not null)
            {
                RemoveLocked(series);
            }

            return series;
        }
    }

    /// <summary>
    /// Removes a series the sweep found idle (<see cref="SeriesLifecycle.Idle"/>), unless an update woke it
    /// meanwhile; returns whether it was removed. The series stays <see cref="SeriesLifecycle.Expired"/> until
    /// an update brings it back through <see cref="Revive"/>.
    /// </summary>
    public bool Expire(TSeries series)
    {
        lock (_writeLock)
        {
            if (series.ListIndex < 0 || Interlocked.CompareExchange(ref series.Lifecycle, SeriesLifecycle.Expired, SeriesLifecycle.Idle) != SeriesLifecycle.Idle)
            {
                return false;
            }

            RemoveLocked(series);
            return true;
        }
    }

    /// <summary>
    /// Brings back an expired series on its next update: returns null when the series itself is exposed again,
    /// or the series that takes its updates instead (the one created for its labels while it was away, or the
    /// overflow series when the table is full), which it remembers as its successor.
    /// </summary>
    public TSeries? Revive(TSeries series, string[]? names, out bool overflowed)
    {
        lock (_writeLock)
        {
            overflowed = false;
            if (Volatile.Read(ref series.Lifecycle) != SeriesLifecycle.Expired)
            {
                return null;
            }

            var twin = series.IsOverflow ? _overflow : Find(names, series.LabelValueArray, series.LabelHash);
            if (twin is null && !series.IsOverflow && IsFullLocked())
            {
                overflowed = true;
                twin = GetOverflowLocked();
            }

            if (twin is not null)
            {
                Volatile.Write(ref series.Successor, twin);
                return twin;
            }

            series.Restore();
            if (series.IsOverflow)
            {
                AppendToList(series);
                Volatile.Write(ref _overflow, series);
            }
            else
            {
                Append(series);
            }

            Volatile.Write(ref series.Successor, null);
            Volatile.Write(ref series.Lifecycle, SeriesLifecycle.Active);
            return null;
        }
    }

    public void Clear()
    {
        lock (_writeLock)
        {
            var list = _list;
            foreach (var series in list.Items.AsSpan(0, list.End))
            {
                series?.MarkRemoved();
            }

            Volatile.Write(ref _slots, new TSeries?[InitialSlots]);
            _usedSlots = 0;
            Volatile.Write(ref _list, SeriesList<TSeries>.Empty);
            Volatile.Write(ref _overflow, null);
        }
    }

    private TSeries Tombstone()
    {
        if (_tombstone is null)
        {
            _tombstone = _createPlaceholder();
            _tombstone.MarkRemoved();
        }

        return _tombstone;
    }

    private bool IsFullLocked() => _list.Live - (_overflow is null ? 0 : 1) >= Limit;

    private TSeries GetOverflowLocked()
    {
        if (_overflow is { } overflow)
        {
            return overflow;
        }

        overflow = _createOverflow!();
        overflow.IsOverflow = true;
        AppendToList(overflow);
        Volatile.Write(ref _overflow, overflow);
        return overflow;
    }

    /// <summary>Takes a series out of the list and the slots; the caller holds the write lock.</summary>
    private void RemoveLocked(TSeries series)
    {
        var list = _list;
        var index = series.ListIndex;
        if (series.IsOverflow)
        {
            Volatile.Write(ref _overflow, null);
        }
        else
        {
            var slots = _slots;
            var mask = slots.Length - 1;
            var i = series.Hash & mask;
            while (!ReferenceEquals(slots[i], series))
            {
                i = (i + 1) & mask;
            }

            Volatile.Write(ref slots[i], Tombstone());
        }

        series.MarkRemoved();
        Volatile.Write(ref list.Items[index], null);
        Volatile.Write(ref list.Live, list.Live - 1);

        // Sized to what is left: a burst of removals gives its memory back as it goes, and the next append
        // that finds the list full grows it as usual.
        if (list.Holes > list.Live)
        {
            list = Compact(list, list.Live);
        }

        if (_usedSlots - list.Live > list.Live)
        {
            RebuildSlots(list, 2);
        }
    }

    private void Append(TSeries series)
    {
        var list = AppendToList(series);
        var slots = _slots;
        if ((_usedSlots + 1) * 2 > slots.Length)
        {
            RebuildSlots(list, 3);
        }
        else if (Insert(slots, series))
        {
            _usedSlots++;
        }
    }

    private SeriesList<TSeries> AppendToList(TSeries series)
    {
        var list = _list;
        if (list.End == list.Items.Length)
        {
            list = Compact(list, Math.Max(InitialListCapacity, 2 * list.Live));
        }

        var end = list.End;
        series.ListIndex = end;
        Volatile.Write(ref list.Items[end], series);
        Volatile.Write(ref list.Live, list.Live + 1);
        Volatile.Write(ref list.End, end + 1);
        return list;
    }

    /// <summary>Publishes a list holding the live series of <paramref name="list"/> in order, without holes.</summary>
    private SeriesList<TSeries> Compact(SeriesList<TSeries> list, int capacity)
    {
        if (capacity == 0)
        {
            Volatile.Write(ref _list, SeriesList<TSeries>.Empty);
            return SeriesList<TSeries>.Empty;
        }

        var compacted = new SeriesList<TSeries>(capacity);
        var count = 0;
        foreach (var series in list.Items.AsSpan(0, list.End))
        {
            if (series is not null)
            {
                Volatile.Write(ref series.ListIndex, count);
                compacted.Items[count++] = series;
            }
        }

        compacted.Live = count;
        compacted.End = count;
        Volatile.Write(ref _list, compacted);
        return compacted;
    }

    /// <summary>Publishes slots holding the live series of <paramref name="list"/>, without tombstones: at least
    /// <paramref name="slotsPerSeries"/> per series, so after growth (3) at least half as many inserts as there
    /// are series fit before the next rebuild, and after removals (2) the slots are at most half used.</summary>
    private void RebuildSlots(SeriesList<TSeries> list, int slotsPerSeries)
    {
        var size = InitialSlots;
        while (size < (long)slotsPerSeries * list.Live)
        {
            size *= 2;
        }

        var slots = new TSeries?[size];
        foreach (var series in list.Items.AsSpan(0, list.End))
        {
            if (series is { IsOverflow: false })
            {
                Insert(slots, series);
            }
        }

        _usedSlots = list.Live - (_overflow is null ? 0 : 1);
        Volatile.Write(ref _slots, slots);
    }

    /// <summary>Puts a series in the first empty or tombstone slot of its probe sequence; returns whether the
    /// slot was empty. The caller has checked that no live series has the same labels.</summary>
    private static bool Insert(TSeries?[] slots, TSeries series)
    {
        var mask = slots.Length - 1;
        var i = series.Hash & mask;
        while (slots[i] is { IsRemoved: false })
        {
            i = (i + 1) & mask;
        }

        var wasEmpty = slots[i] is null;
        Volatile.Write(ref slots[i], series);
        return wasEmpty;
    }
}
