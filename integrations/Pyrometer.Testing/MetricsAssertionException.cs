namespace Pyrometer.Testing;

/// <summary>
/// Thrown by the <see cref="MetricsAssert"/> helpers when what a registry exposes is not what the test expected.
/// Every test framework reports an unexpected exception as a failure, so the helpers need none of them.
/// </summary>
public sealed class MetricsAssertionException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public MetricsAssertionException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MetricsAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public MetricsAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
