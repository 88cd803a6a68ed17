namespace Pyrometer;

/// <summary>
/// A collect callback failed, or the callbacks did not finish within <see cref="MetricRegistryOptions.CollectTimeout"/>,
/// so the registry could not be read for this scrape.
/// </summary>
public sealed class MetricsCollectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MetricsCollectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MetricsCollectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the callback's exception.</summary>
    public MetricsCollectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
