using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pyrometer.Internal;

/// <summary>
/// Counts per bucket key, for one sign of one side of a native histogram. Keys live in chunks of 32 counters that
/// never move once created, found through a directory indexed by key / 32. Observers increment a counter with one
/// atomic add and no lock; only a key whose chunk does not exist yet takes a lock, to create the chunk (and, when
/// the key lies outside the directory, a larger directory holding the same chunks, so no increment is lost).
/// </summary>
internal sealed class SparseBuckets
{
    private const int ChunkBits = 5;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;

    private readonly object _growth = new();
    private Directory _directory = Directory.Empty;

    /// <summary>
    /// Adds one to the bucket and returns whether it was empty before; with an atomic add, or a plain one when
    /// <paramref name="exclusive"/> (the caller holds the series' gate, so nothing else writes or reads these counts).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Increment(int key, bool exclusive)
    {
        var directory = Volatile.Read(ref _directory);
        var slot = (key >> ChunkBits) - directory.FirstChunk;
        var chunks = directory.Chunks;
        ref var cell = ref (uint)slot < (uint)chunks.Length && Volatile.Read(ref chunks[slot]) is { } chunk
            ? ref chunk[key & ChunkMask]
            : ref ChunkFor(key)[key & ChunkMask];
        return (exclusive ? ++cell : Interlocked.Increment(ref cell)) == 1;
    }

#if NET
    /// <summary>
    /// Gets the counter of a bucket whose chunk exists, else a null reference; for a caller that holds the series'
    /// gate, so nothing else writes or reads these counts meanwhile.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref long ExistingCell(int key)
    {
        var directory = _directory;
        var slot = (key >> ChunkBits) - directory.FirstChunk;
        var chunks = directory.Chunks;
        if ((uint)slot < (uint)chunks.Length && chunks[slot] is { } chunk)
        {
            // Unchecked: every chunk holds ChunkSize counters.
            return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(chunk), key & ChunkMask);
        }

        return ref Unsafe.NullRef<long>();
    }

#endif
    /// <summary>Adds <paramref name="count"/> to a bucket; for a side no observer writes.</summary>
    public void Add(int key, long count) => ChunkFor(key)[key & ChunkMask] += count;

    /// <summary>Gets whether the bucket holds any observation.</summary>
    public bool Contains(int key)
    {
        var directory = Volatile.Read(ref _directory);
        var slot = (key >> ChunkBits) - directory.FirstChunk;
        var chunks = directory.Chunks;
        return (uint)slot < (uint)chunks.Length && Volatile.Read(ref chunks[slot]) is { } chunk && Volatile.Read(ref chunk[key & ChunkMask]) > 0;
    }

    /// <summary>Gets the non-empty buckets in increasing key order.</summary>
    public Enumerator GetEnumerator() => new(Volatile.Read(ref _directory));

    private long[] ChunkFor(int key)
    {
        lock (_growth)
        {
            var directory = _directory;
            var chunkNumber = key >> ChunkBits;
            var slot = chunkNumber - directory.FirstChunk;
            if ((uint)slot >= (uint)directory.Chunks.Length)
            {
                directory = directory.Covering(chunkNumber);
                slot = chunkNumber - directory.FirstChunk;
                Volatile.Write(ref _directory, directory);
            }

            if (directory.Chunks[slot] is not { } chunk)
            {
                chunk = new long[ChunkSize];
                Volatile.Write(ref directory.Chunks[slot], chunk);
            }

            return chunk;
        }
    }

    /// <summary>Walks the non-empty buckets in increasing key order.</summary>
    internal struct Enumerator
    {
        private readonly Directory _directory;
        private int _slot;
        private int _offset;

        internal Enumerator(Directory directory)
        {
            _directory = directory;
            _slot = 0;
            _offset = -1;
            Current = default;
        }

        public NativeBucket Current { get; private set; }

        public bool MoveNext()
        {
            var chunks = _directory.Chunks;
            for (; _slot < chunks.Length; _slot++, _offset = -1)
            {
                if (Volatile.Read(ref chunks[_slot]) is not { } chunk)
                {
                    continue;
                }

                while (++_offset < ChunkSize)
                {
                    var count = Volatile.Read(ref chunk[_offset]);
                    if (count > 0)
                    {
                        Current = new NativeBucket(((_directory.FirstChunk + _slot) << ChunkBits) + _offset, count);
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>The chunks covering keys from <c>FirstChunk * 32</c>; replaced, never resized, when a key falls outside.</summary>
    internal sealed class Directory(int firstChunk, long[]?[] chunks)
    {
        public static readonly Directory Empty = new(0, []);

        public int FirstChunk { get; } = firstChunk;

        public long[]?[] Chunks { get; } = chunks;

        /// <summary>A directory holding the same chunks and a slot for <paramref name="chunkNumber"/>, with room to spare on that side.</summary>
        public Directory Covering(int chunkNumber)
        {
            if (Chunks.Length == 0)
            {
                var fresh = new long[]?[4];
                return new Directory(chunkNumber - 1, fresh);
            }

            var spare = Math.Max(4, Chunks.Length / 2);
            var first = Math.Min(FirstChunk, chunkNumber - (chunkNumber < FirstChunk ? spare : 0));
            var end = Math.Max(FirstChunk + Chunks.Length, chunkNumber + 1 + (chunkNumber >= FirstChunk ? spare : 0));
            var chunks = new long[]?[end - first];
            Array.Copy(Chunks, 0, chunks, FirstChunk - first, Chunks.Length);
            return new Directory(first, chunks);
        }
    }
}
