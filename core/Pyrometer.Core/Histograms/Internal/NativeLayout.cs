namespace Pyrometer.Internal;

/// <summary>A histogram's validated native bucket options, copied so later changes to the options object do not apply.</summary>
internal sealed class NativeLayout
{
    private NativeLayout(int schema, double zeroThreshold, double maxZeroThreshold, int maxBucketCount, TimeSpan minResetDuration)
    {
        Schema = schema;
        ZeroThreshold = zeroThreshold;
        MaxZeroThreshold = maxZeroThreshold;
        MaxBucketCount = maxBucketCount;
        MinResetDuration = minResetDuration;
    }

    public int Schema { get; }

    public double ZeroThreshold { get; }

    public double MaxZeroThreshold { get; }

    public int MaxBucketCount { get; }

    public TimeSpan MinResetDuration { get; }

    /// <summary>Validates the options of histogram <paramref name="name"/>, naming <paramref name="paramName"/> in exceptions.</summary>
    public static NativeLayout From(NativeHistogramOptions options, string name, string paramName)
    {
        if (options.Schema is not null && options.BucketFactor is not null)
        {
            throw Invalid(name, paramName, "sets both Schema and BucketFactor; set one");
        }

        int schema;
        if (options.BucketFactor is { } factor)
        {
            if (!(factor > 1) || double.IsInfinity(factor))
            {
                throw Invalid(name, paramName, $"has BucketFactor {factor}; it must be greater than 1 and finite");
            }

            schema = NativeBounds.SchemaForFactor(factor);
        }
        else
        {
            schema = options.Schema ?? NativeHistogramOptions.DefaultSchema;
            if (schema < NativeBounds.MinSchema || schema > NativeBounds.MaxSchema)
            {
                throw Invalid(name, paramName, $"has Schema {schema}; it must be between {NativeBounds.MinSchema} and {NativeBounds.MaxSchema}");
            }
        }

        var zeroThreshold = options.ZeroThreshold;
        if (!(zeroThreshold >= 0) || double.IsInfinity(zeroThreshold))
        {
            throw Invalid(name, paramName, $"has ZeroThreshold {zeroThreshold}; it must be zero or positive and finite");
        }

        var maxZeroThreshold = options.MaxZeroThreshold ?? zeroThreshold;
        if (!(maxZeroThreshold >= zeroThreshold) || double.IsInfinity(maxZeroThreshold))
        {
            throw Invalid(name, paramName, $"has MaxZeroThreshold {maxZeroThreshold}; it must be finite and at least ZeroThreshold ({zeroThreshold})");
        }

        if (options.MaxBucketCount < 0)
        {
            throw Invalid(name, paramName, $"has MaxBucketCount {options.MaxBucketCount}; it must be zero (no limit) or positive");
        }

        if (options.MinResetDuration < TimeSpan.Zero)
        {
            throw Invalid(name, paramName, $"has MinResetDuration {options.MinResetDuration}; it must not be negative");
        }

        return new NativeLayout(schema, zeroThreshold, maxZeroThreshold, options.MaxBucketCount, options.MinResetDuration);
    }

    public bool SameAs(NativeLayout? other) =>
        other is not null && other.Schema == Schema && other.ZeroThreshold.Equals(ZeroThreshold) && other.MaxZeroThreshold.Equals(MaxZeroThreshold) &&
        other.MaxBucketCount == MaxBucketCount && other.MinResetDuration == MinResetDuration;

    private static ArgumentException Invalid(string name, string paramName, string problem) =>
        new($"Histogram '{name}' {problem}.", paramName);
}
