using System.Runtime.CompilerServices;

namespace Pyrometer.Internal;

/// <summary>Lock-free arithmetic on a <see cref="double"/> stored in a field.</summary>
internal static class AtomicDouble
{
    /// <summary>Adds <paramref name="value"/> and reports whether the first attempt won (no contention).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Add(ref double location, double value)
    {
        var current = Volatile.Read(ref location);
        if (SameBits(Interlocked.CompareExchange(ref location, current + value, current), current))
        {
            return true;
        }

        AddContended(ref location, value);
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameBits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static void AddContended(ref double location, double value)
    {
        var spinner = default(SpinWait);
        while (true)
        {
            var current = Volatile.Read(ref location);
            if (SameBits(Interlocked.CompareExchange(ref location, current + value, current), current))
            {
                return;
            }

            #if NET
            spinner.SpinOnce(sleep1Threshold: -1);
#else
            spinner.SpinOnce();
#endif
        }
    }
}
