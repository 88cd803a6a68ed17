using System.Runtime.CompilerServices;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>One tag set of a <see cref="TagSetCache{TSeries}"/>: the keys and values as the caller passed them.</summary>
internal sealed class TagSetEntry<TSeries>(int hash, string[] keys, object?[] values, TSeries series, TagSetEntry<TSeries>? next)
    where TSeries : class
{
    private TSeries _series = series;

    public int Hash { get; } = hash;

    public string[] Keys { get; } = keys;

    public object?[] Values { get; } = values;

    public TagSetEntry<TSeries>? Next { get; } = next;

    public TSeries Series
    {
        get => Volatile.Read(ref _series);
        set => Volatile.Write(ref _series, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var keys = Keys;
        var values = Values;
        if (keys.Length != tags.Length)
        {
            return false;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var tag = tags[i];
            if (!(ReferenceEquals(keys[i], tag.Key) || string.Equals(keys[i], tag.Key, StringComparison.Ordinal)))
            {
                return false;
            }

            var value = values[i];
            if (!(ReferenceEquals(value, tag.Value) || (value is not null && value.Equals(tag.Value))))
            {
                return false;
            }
        }

        return true;
    }
}
