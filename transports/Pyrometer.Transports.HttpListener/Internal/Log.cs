using Microsoft.Extensions.Logging;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>The server's own log messages; those of answering a scrape are in <see cref="ScrapeLog"/>.</summary>
internal static partial class Log
{
    [LoggerMessage(3, LogLevel.Warning, "Stopping did not finish in time: {Count} in-flight requests were aborted")]
    public static partial void StopAborted(ILogger logger, int count);

    [LoggerMessage(8, LogLevel.Error, "Accepting a request failed; the server goes on listening")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);
}
