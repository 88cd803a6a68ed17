using System.Runtime.CompilerServices;

namespace Pyrometer.Internal;

/// <summary>
/// A per-thread number that picks a thread's cell in a striped value. A thread keeps its cell while its updates go
/// through at the first attempt and moves on after a collision, so threads that share a cell drift apart.
/// </summary>
internal static class ThreadProbe
{
    [ThreadStatic]
    private static int t_probe;

    public static int Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var probe = t_probe;
            return probe != 0 ? probe : Seed();
        }
    }

    /// <summary>Moves this thread to another cell (xorshift step).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Advance()
    {
        var probe = Current;
        probe ^= probe << 13;
        probe ^= probe >>> 17;
        probe ^= probe << 5;
        t_probe = probe;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Seed()
    {
        var probe = (int)((uint)Environment.CurrentManagedThreadId * 0x9E3779B9u) | 1;
        t_probe = probe;
        return probe;
    }
}
