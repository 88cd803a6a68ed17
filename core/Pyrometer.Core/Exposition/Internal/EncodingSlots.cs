using System.Runtime.CompilerServices;
using Pyrometer.Exposition;

namespace Pyrometer.Internal;

/// <summary>
/// The slot arrays behind <see cref="EncodingKey{T}"/>: each owner (series, collector, exemplar, registry) holds
/// one array, created on first use and grown when a newer key asks, with one cached encoding per key.
/// Reads take no lock and allocate nothing; a missing encoding is computed outside any lock and stored under one,
/// so concurrent scrapes may both compute it, and the first one stored wins and is returned to both.
/// </summary>
internal static class EncodingSlots
{
#if NET9_0_OR_GREATER
    private static readonly Lock Gate = new();
#else
    private static readonly object Gate = new();
#endif
    private static int s_keys;

    /// <summary>Gets how many keys exist, which is the length a new slot array takes.</summary>
    public static int KeyCount => Volatile.Read(ref s_keys);

    public static int NextIndex() => Interlocked.Increment(ref s_keys) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Get<TOwner, T>(ref object?[]? slots, EncodingKey<T> key, TOwner owner, Func<TOwner, T> encode)
        where T : class
    {
        var array = Volatile.Read(ref slots);
        var index = key.Index;
        if (array is not null && (uint)index < (uint)array.Length && array[index] is { } cached)
        {
            // Only Get stores into the slot of this key, and only a T.
            return Unsafe.As<T>(cached);
        }

        return Add(ref slots, index, owner, encode);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Add<TOwner, T>(ref object?[]? slots, int index, TOwner owner, Func<TOwner, T> encode)
        where T : class
    {
        Guard.NotNull(encode);
        var value = encode(owner) ?? throw new InvalidOperationException("An encoding function returned null; return an empty encoding instead.");

        // Stores are rare (once per owner and key), so one lock for all keeps growth and stores simple and none is lost.
        lock (Gate)
        {
            var array = slots;
            if (array is null || index >= array.Length)
            {
                var grown = new object?[Math.Max(index + 1, KeyCount)];
                array?.CopyTo(grown, 0);
                Volatile.Write(ref slots, grown);
                array = grown;
            }

            if (array[index] is { } existing)
            {
                return Unsafe.As<T>(existing);
            }

            Volatile.Write(ref array[index], value);
            return value;
        }
    }
}
