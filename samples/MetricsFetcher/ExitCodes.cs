namespace Pyrometer.Samples.MetricsFetcher;

/// <summary>What the fetcher's exit code says about the last fetch.</summary>
internal static class ExitCodes
{
    /// <summary>The answer was a 2xx and its body parsed in the format its Content-Type names.</summary>
    public const int Success = 0;

    /// <summary>The command line was wrong (System.CommandLine's code for a parse error).</summary>
    public const int Usage = 1;

    /// <summary>The server could not be reached: the connection was refused, or the host not found.</summary>
    public const int ConnectionFailed = 2;

    /// <summary>No complete answer within <c>--timeout</c>.</summary>
    public const int Timeout = 3;

    /// <summary>The server answered with a status other than 2xx.</summary>
    public const int HttpError = 4;

    /// <summary>The body does not parse in the format its Content-Type claims, or the Content-Type is no metrics format.</summary>
    public const int UnparsableBody = 5;
}
