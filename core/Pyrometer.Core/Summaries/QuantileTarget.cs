namespace Pyrometer;

/// <summary>A quantile a <see cref="Summary"/> estimates, and the rank error allowed in its estimate.</summary>
public readonly record struct QuantileTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="quantile">The quantile, in [0, 1].</param>
    /// <param name="error">The allowed rank error, in [0, 1]: an estimate of quantile q is an observation whose rank lies in [(q - error)·n, (q + error)·n].</param>
    public QuantileTarget(double quantile, double error)
    {
        if (!(quantile >= 0 && quantile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "A quantile must be between 0 and 1.");
        }

        if (!(error >= 0 && error <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(error), error, "A quantile's allowed error must be between 0 and 1.");
        }

        Quantile = quantile;
        Error = error;
    }

    /// <summary>Gets the default targets: 0.5 ± 0.05, 0.9 ± 0.01 and 0.99 ± 0.001.</summary>
    public static IReadOnlyList<QuantileTarget> Defaults { get; } =
        [new(0.5, 0.05), new(0.9, 0.01), new(0.99, 0.001)];

    /// <summary>Gets the quantile, in [0, 1].</summary>
    public double Quantile { get; }

    /// <summary>Gets the allowed rank error.</summary>
    public double Error { get; }
}
