namespace Pyrometer;

/// <summary>Histogram bucket layouts.</summary>
public static class Buckets
{
    /// <summary>Gets the default upper bounds, in seconds: .005, .01, .025, .05, .075, .1, .25, .5, .75, 1, 2.5, 5, 7.5, 10 (and +Inf).</summary>
    public static IReadOnlyList<double> Default { get; } =
        [.005, .01, .025, .05, .075, .1, .25, .5, .75, 1.0, 2.5, 5.0, 7.5, 10.0];

    /// <summary>Creates <paramref name="count"/> bounds starting at <paramref name="start"/>, each <paramref name="width"/> above the last.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count is less than 1, or width is not positive and finite.</exception>
    public static double[] Linear(double start, double width, int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A bucket layout needs at least one bucket.");
        }

        if (!(width > 0) || double.IsInfinity(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "Bucket width must be positive and finite.");
        }

        var bounds = new double[count];
        for (var i = 0; i < count; i++)
        {
            bounds[i] = start + (i * width);
        }

        return bounds;
    }

    /// <summary>Creates <paramref name="count"/> bounds starting at <paramref name="start"/>, each <paramref name="factor"/> times the last.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count is less than 1, start is not positive, or factor is not greater than 1.</exception>
    public static double[] Exponential(double start, double factor, int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A bucket layout needs at least one bucket.");
        }

        if (!(start > 0) || double.IsInfinity(start))
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "Exponential buckets must start at a positive, finite bound.");
        }

        if (!(factor > 1) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "Exponential bucket factor must be greater than 1 and finite.");
        }

        var bounds = new double[count];
        var bound = start;
        for (var i = 0; i < count; i++)
        {
            bounds[i] = bound;
            bound *= factor;
        }

        return bounds;
    }
}
