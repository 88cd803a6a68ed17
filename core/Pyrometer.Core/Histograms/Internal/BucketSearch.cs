using System.Runtime.CompilerServices;

namespace Pyrometer.Internal;

/// <summary>Finds a value's classic bucket: the first whose upper bound is not below it, +Inf for NaN.</summary>
internal sealed class BucketSearch(double[] upperBounds)
{
    // Every bound but the last, +Inf, which takes whatever passes them all (NaN included).
    private readonly double[] _finite = upperBounds.AsSpan(0, upperBounds.Length - 1).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(double value)
    {
        var bounds = _finite;
        var i = 0;
        while (i < bounds.Length && !(value <= bounds[i]))
        {
            i++;
        }

        return i;
    }
}
