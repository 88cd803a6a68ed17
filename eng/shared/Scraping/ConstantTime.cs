using System.Runtime.CompilerServices;
#if NET
using System.Security.Cryptography;
#endif

namespace Pyrometer.Transports;

/// <summary>Compares secrets in time that depends on their length alone, never on where they first differ.</summary>
internal static class ConstantTime
{
    /// <summary>Gets whether two spans hold the same bytes; spans of different lengths are unequal at once.</summary>
#if NET
    public static bool AreEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => CryptographicOperations.FixedTimeEquals(left, right);
#else
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool AreEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }
#endif
}
