namespace Pyrometer.Samples.MetricsFetcher;

/// <summary>A fetch that failed, with the one-line message to print and the exit code to end with.</summary>
internal sealed class FetchFailedException : Exception
{
    public FetchFailedException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public FetchFailedException()
    {
    }

    public FetchFailedException(string message)
        : base(message)
    {
    }

    public FetchFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; }
}
