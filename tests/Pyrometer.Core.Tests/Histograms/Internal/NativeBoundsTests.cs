using System.Numerics;
using Pyrometer.Internal;

namespace Pyrometer.Core.Tests.Histograms.Internal;

public class NativeBoundsTests
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Schema, int Step), double> Mantissas = new();

    public static TheoryData<int> Schemas() => [.. Enumerable.Range(NativeBounds.MinSchema, NativeBounds.MaxSchema - NativeBounds.MinSchema + 1)];

    [Theory]
    [MemberData(nameof(Schemas))]
    public void UpperBound_EveryKeyOfThreeOctavesEachSide_IsTheDoubleNearestTheExactPower(int schema)
    {
        foreach (var key in KeysAround(schema))
        {
            Assert.Equal(ExactBound(key, schema), NativeBounds.UpperBound(key, schema));
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void KeyOf_OnJustAboveAndJustBelowEachBound_BoundIsInclusive(int schema)
    {
        foreach (var key in KeysAround(schema))
        {
            var bound = ExactBound(key, schema);
            Assert.Equal(key, NativeBounds.KeyOf(bound, schema));
            Assert.Equal(key, NativeBounds.KeyOf(Math.BitDecrement(bound), schema));
            Assert.Equal(key + 1, NativeBounds.KeyOf(Math.BitIncrement(bound), schema));
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void KeyOf_ExtremeMagnitudes_FollowTheSameBounds(int schema)
    {
        var largest = NativeBounds.KeyOf(double.MaxValue, schema);
        Assert.Equal(schema >= 0 ? 1024 << schema : 1024 >> -schema, largest);
        Assert.Equal(largest + 1, NativeBounds.KeyOf(double.PositiveInfinity, schema));
        Assert.True(NativeBounds.UpperBound(largest - 1, schema) < double.MaxValue);

        // Subnormal bounds are not representable, so compare 2^1104 times larger, where they are (1104 octaves
        // being a whole number of buckets at every schema).
        const int Octaves = 1104;
        var shift = schema >= 0 ? Octaves << schema : Octaves >> -schema;
        foreach (var tiny in new[] { double.Epsilon, 3 * double.Epsilon, Math.BitDecrement(2.2250738585072014E-308), 2.2250738585072014E-308 })
        {
            var key = NativeBounds.KeyOf(tiny, schema);
            var scaled = Math.ScaleB(tiny, Octaves);
            Assert.True(scaled <= ExactBound(key + shift, schema), $"{tiny} above its bucket {key}");
            Assert.True(scaled > ExactBound(key + shift - 1, schema), $"{tiny} not above bucket {key - 1}");
        }
    }

    [Theory]
    [InlineData(1.1, 3)]
    [InlineData(2.0, 0)]
    [InlineData(1.5, 1)]
    [InlineData(4.0, -1)]
    [InlineData(65536.0, -4)]
    [InlineData(1e12, -4)]
    [InlineData(1.0001, 8)]
    [InlineData(1.0027112750502025, 8)]
    public void SchemaForFactor_Factor_CoarsestSchemaWhoseBaseFits(double factor, int schema)
    {
        Assert.Equal(schema, NativeBounds.SchemaForFactor(factor));
    }

    [Fact]
    public void SchemaForFactor_ExactlyABaseOrJustBelow_ThatSchemaOrTheNextFiner()
    {
        for (var schema = NativeBounds.MinSchema; schema < NativeBounds.MaxSchema; schema++)
        {
            var factor = NativeBounds.Base(schema);
            Assert.Equal(schema, NativeBounds.SchemaForFactor(factor));
            Assert.Equal(schema + 1, NativeBounds.SchemaForFactor(Math.BitDecrement(factor)));
        }
    }

    private static IEnumerable<int> KeysAround(int schema)
    {
        var perOctave = schema >= 0 ? 1 << schema : 1;
        var far = schema >= 0 ? 250 << schema : 250 >> -schema;
        return Enumerable.Range(-3 * perOctave, 6 * perOctave + 1).Concat([far, -far]);
    }

    /// <summary>The double nearest 2^(key / 2^schema), found with exact integer arithmetic.</summary>
    private static double ExactBound(int key, int schema)
    {
        if (schema <= 0)
        {
            return Math.ScaleB(1.0, key << -schema);
        }

        var perOctave = 1 << schema;
        var octave = (int)Math.Floor((double)key / perOctave);
        var step = key - (octave * perOctave);

        return Math.ScaleB(Mantissas.GetOrAdd((schema, step), static k => NearestPower(k.Schema, k.Step)), octave);
    }

    /// <summary>The double nearest 2^(step / 2^schema), in [1, 2).</summary>
    private static double NearestPower(int schema, int step)
    {
        // The mantissa m (2^52 <= m < 2^53) nearest 2^52 * 2^(step / perOctave): m is too small while
        // (2m + 1)^perOctave < 2^(53 * perOctave + step), and too large while (2m - 1)^perOctave > it.
        var perOctave = 1 << schema;
        var target = BigInteger.One << ((53 * perOctave) + step);
        var mantissa = (long)Math.Round(Math.Pow(2, (double)step / perOctave) * 4503599627370496.0);
        while (BigInteger.Pow((2 * (BigInteger)mantissa) + 1, perOctave) < target)
        {
            mantissa++;
        }

        while (step > 0 && BigInteger.Pow((2 * (BigInteger)mantissa) - 1, perOctave) > target)
        {
            mantissa--;
        }

        return mantissa / 4503599627370496.0;
    }
}
