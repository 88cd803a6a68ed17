namespace Pyrometer.Benchmarks.Internal;

/// <summary>Inputs created before measuring, the same for every library, so their cost is never measured.</summary>
internal static class SampleValues
{
    /// <summary>The length of each observation array; a power of two so an index wraps with a mask.</summary>
    public const int ObservationCount = 4096;

    /// <summary>Distinct label values <c>v0</c>, <c>v1</c>, ...</summary>
    public static string[] LabelValues(int count)
    {
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>
    /// Values that land in every bucket of <paramref name="upperBounds"/> (and above the last, in +Inf) in a
    /// seeded random order, so no branch predictor learns the bucket.
    /// </summary>
    public static double[] AcrossBuckets(IReadOnlyList<double> upperBounds)
    {
        var midpoints = new double[upperBounds.Count + 1];
        var lower = 0.0;
        for (var i = 0; i < upperBounds.Count; i++)
        {
            midpoints[i] = (lower + upperBounds[i]) / 2;
            lower = upperBounds[i];
        }

        midpoints[^1] = lower * 1.5;
        var random = new Random(20240611);
        var values = new double[ObservationCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = midpoints[random.Next(midpoints.Length)];
        }

        return values;
    }

    /// <summary>Exponentially distributed latencies (mean 100 ms) from a seeded generator.</summary>
    public static double[] Latencies()
    {
        var random = new Random(20240611);
        var values = new double[ObservationCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = -Math.Log(1 - random.NextDouble()) * 0.1;
        }

        return values;
    }
}
