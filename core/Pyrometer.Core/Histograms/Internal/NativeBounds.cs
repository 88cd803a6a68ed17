using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pyrometer.Internal;

/// <summary>
/// Native histogram bucket keys. At schema <c>s</c> (−4 to 8) bucket <c>k</c> holds the magnitudes in
/// (base^(k−1), base^k], base = 2^(2^−s); each bound is the double nearest the exact power, so a value equal to
/// that double sits in the bucket it bounds. Keys are found without logarithms: the double's exponent gives the
/// power of two, and its mantissa, looked up in the 256 bounds of schema 8, the bucket within it. Every coarser
/// schema's bounds are a subset of schema 8's, so its key is the schema-8 key divided by 2^(8−s), rounded up.
/// </summary>
internal static partial class NativeBounds
{
    /// <summary>The coarsest schema: buckets 2^16 wide.</summary>
    public const int MinSchema = -4;

    /// <summary>The finest schema: 256 buckets per power of two.</summary>
    public const int MaxSchema = 8;

    private const int MantissaBits = 52;
    private const long MantissaMask = (1L << MantissaBits) - 1;
    private const int SlotBits = MaxSchema + 1;
    private const double SmallestNormal = 2.2250738585072014E-308;

    // For each of 512 equal slices of the mantissa range, the index of the first bound at or above the slice's
    // start. Bounds are more than a slice apart, so at most one lies in a slice and one comparison finishes.
    // Set in the static constructor, which runs after the table in NativeBounds.Table.cs is initialised.
    private static readonly short[] FirstBoundInSlice;

    static NativeBounds() => FirstBoundInSlice = CreateSlices();

    /// <summary>Gets the key of the bucket holding <paramref name="magnitude"/> (positive, not NaN; +Inf allowed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KeyOf(double magnitude, int schema) =>
        TryKeyOfNormal(magnitude, schema, out var key) ? key : KeyOfSubnormalOrInfinity(magnitude, schema);

    /// <summary>
    /// Gets the key of the bucket holding <paramref name="magnitude"/> (positive, not NaN) without a call, unless it
    /// is subnormal or infinite: then returns false and <see cref="KeyOf"/> has the answer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryKeyOfNormal(double magnitude, int schema, out int key)
    {
        var bits = BitConverter.DoubleToInt64Bits(magnitude);
        var biasedExponent = (int)(bits >> MantissaBits);
        if ((uint)(biasedExponent - 1) >= 0x7FE)
        {
            key = 0;
            return false;
        }

        key = Coarsen(FinestKey(bits & MantissaMask, biasedExponent - 1022), MaxSchema - schema);
        return true;
    }

    /// <summary>Gets the key that bucket <paramref name="key"/> of a schema falls in at a schema <paramref name="steps"/> coarser.</summary>
    public static int Coarsen(int key, int steps) => (key + (1 << steps) - 1) >> steps;

    /// <summary>Gets the upper bound of bucket <paramref name="key"/>: the double nearest base^key.</summary>
    public static double UpperBound(int key, int schema)
    {
        var finest = (long)key << (MaxSchema - schema);
        var power = finest >> MaxSchema;
        var mantissa = Mantissas[(int)(finest & ((1 << MaxSchema) - 1))];
        if (power > 1023)
        {
            return double.PositiveInfinity;
        }

        if (power < -1022)
        {
            // Below the normal range: build it 2^1022 times larger and scale down, rounding once.
            return power < -1076 ? 0 : BitConverter.Int64BitsToDouble(((power + 1022 + 1023) << MantissaBits) | mantissa) * SmallestNormal;
        }

        return BitConverter.Int64BitsToDouble(((power + 1023) << MantissaBits) | mantissa);
    }

    /// <summary>Gets the bucket width factor of a schema, 2^(2^−schema).</summary>
    public static double Base(int schema) => UpperBound(1, schema);

    /// <summary>Gets the coarsest schema whose base does not exceed <paramref name="factor"/>, or the finest when every base does.</summary>
    public static int SchemaForFactor(double factor)
    {
        for (var schema = MinSchema; schema < MaxSchema; schema++)
        {
            if (Base(schema) <= factor)
            {
                return schema;
            }
        }

        return MaxSchema;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FinestKey(long mantissa, int exponent)
    {
        // exponent is frexp's: the magnitude is 0.5 * (1 + mantissa / 2^52) * 2^exponent.
#if NET
        // Unchecked: a 52-bit mantissa has 9 bits above bit 43, and every slice's entry indexes the 257 bounds.
        int index = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(FirstBoundInSlice), (nint)(mantissa >> (MantissaBits - SlotBits)));
        index += mantissa > Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Mantissas), index) ? 1 : 0;
#else
        int index = FirstBoundInSlice[(int)(mantissa >> (MantissaBits - SlotBits))];
        index += mantissa > Mantissas[index] ? 1 : 0;
#endif
        return index + ((exponent - 1) << MaxSchema);
    }

    private static int KeyOfSubnormalOrInfinity(double magnitude, int schema)
    {
        if (double.IsInfinity(magnitude))
        {
            // One bucket past the one holding the largest finite double.
            return KeyOf(double.MaxValue, schema) + 1;
        }

        // A subnormal: scale it into the normal range exactly, then take the scale off the exponent.
        var bits = BitConverter.DoubleToInt64Bits(magnitude * 18446744073709551616.0);
        return Coarsen(FinestKey(bits & MantissaMask, (int)(bits >> MantissaBits) - 1022 - 64), MaxSchema - schema);
    }

    private static short[] CreateSlices()
    {
        var slices = new short[1 << SlotBits];
        short index = 0;
        for (var slice = 0; slice < slices.Length; slice++)
        {
            var start = (long)slice << (MantissaBits - SlotBits);
            while (Mantissas[index] < start)
            {
                index++;
            }

            slices[slice] = index;
        }

        return slices;
    }
}
