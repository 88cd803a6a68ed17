using System.Runtime.CompilerServices;

namespace Pyrometer.Internal;

/// <summary>Finds a value's classic bucket: the first whose upper bound is not below it, +Inf for NaN.</summary>
internal static class BucketSearch
{
    /// <summary>Gets every bound but the last, +Inf, which takes whatever passes them all (NaN included).</summary>
    public static double[] FiniteBounds(double[] upperBounds) => upperBounds.AsSpan(0, upperBounds.Length - 1).ToArray();

    /// <summary>Returns the index of <paramref name="value"/>'s bucket; <paramref name="finiteBounds"/>' length (+Inf) when it passes them all.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOf(double[] finiteBounds, double value)
    {
        var i = 0;
        while (i < finiteBounds.Length && !(value <= finiteBounds[i]))
        {
            i++;
        }

        return i;
    }
}
