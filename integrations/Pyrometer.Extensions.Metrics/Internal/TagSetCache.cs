using System.Runtime.CompilerServices;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>
/// Maps the tags of a measurement, as the caller passed them, to a series handle. Lookups take no lock and
/// allocate nothing: the hash is computed from the tag values in place and entries compare keys and values
/// without building strings. Adds take a lock and publish a new chain head, so readers always see whole entries.
/// </summary>
/// <remarks>
/// Tags are matched in the order given: the same tags in another order get an entry of their own that points to
/// the same series (the registry sorts label names when it creates the series).
/// </remarks>
internal sealed class TagSetCache<TSeries>
    where TSeries : class
{
    private readonly object _lock = new();
    private TagSetEntry<TSeries>?[] _buckets = new TagSetEntry<TSeries>?[16];
    private int _count;

    /// <summary>Gets the number of entries.</summary>
    public int Count => Volatile.Read(ref _count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = tags.Length;
        for (var i = 0; i < tags.Length; i++)
        {
            hash = (hash * -1521134295) + (tags[i].Value?.GetHashCode() ?? 0);
        }

        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TSeries? Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = HashOf(tags);
        var buckets = Volatile.Read(ref _buckets);
        for (var entry = Volatile.Read(ref buckets[hash & (buckets.Length - 1)]); entry is not null; entry = entry.Next)
        {
            if (entry.Hash == hash && entry.Matches(tags))
            {
                return entry.Series;
            }
        }

        return null;
    }

    /// <summary>Adds an entry for these tags, unless one exists or the cache holds <paramref name="limit"/> entries.</summary>
    public void Add(ReadOnlySpan<KeyValuePair<string, object?>> tags, TSeries series, int limit)
    {
        var hash = HashOf(tags);
        lock (_lock)
        {
            if (_count >= limit || Find(tags) is not null)
            {
                return;
            }

            var keys = new string[tags.Length];
            var values = new object?[tags.Length];
            for (var i = 0; i < tags.Length; i++)
            {
                keys[i] = tags[i].Key;
                values[i] = tags[i].Value;
            }

            var buckets = _buckets;
            if (_count >= buckets.Length)
            {
                buckets = Grow(buckets);
            }

            ref var head = ref buckets[hash & (buckets.Length - 1)];
            Volatile.Write(ref head, new TagSetEntry<TSeries>(hash, keys, values, series, head));
            Volatile.Write(ref _buckets, buckets);
            _count++;
        }
    }

    /// <summary>Points the entries that hold <paramref name="old"/> at <paramref name="replacement"/>.</summary>
    public void Replace(TSeries old, TSeries replacement)
    {
        lock (_lock)
        {
            foreach (var head in _buckets)
            {
                for (var entry = head; entry is not null; entry = entry.Next)
                {
                    if (ReferenceEquals(entry.Series, old))
                    {
                        entry.Series = replacement;
                    }
                }
            }
        }
    }

    /// <summary>Copies the distinct series the cache points to into <paramref name="destination"/>.</summary>
    public void CopySeriesTo(HashSet<TSeries> destination)
    {
        lock (_lock)
        {
            foreach (var head in _buckets)
            {
                for (var entry = head; entry is not null; entry = entry.Next)
                {
                    destination.Add(entry.Series);
                }
            }
        }
    }

    private static TagSetEntry<TSeries>?[] Grow(TagSetEntry<TSeries>?[] buckets)
    {
        var grown = new TagSetEntry<TSeries>?[buckets.Length * 2];
        foreach (var head in buckets)
        {
            for (var entry = head; entry is not null; entry = entry.Next)
            {
                ref var slot = ref grown[entry.Hash & (grown.Length - 1)];
                slot = new TagSetEntry<TSeries>(entry.Hash, entry.Keys, entry.Values, entry.Series, slot);
            }
        }

        return grown;
    }
}
