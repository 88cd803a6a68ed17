using Microsoft.Extensions.Logging;

namespace Pyrometer.Transports;

/// <summary>The log messages of serving scrapes, the same on every transport (event ids as the HttpListener server has always used).</summary>
internal static partial class ScrapeLog
{
    [LoggerMessage(1, LogLevel.Information, "Serving metrics on {MetricsUrl}")]
    public static partial void Started(ILogger logger, Uri metricsUrl);

    [LoggerMessage(2, LogLevel.Information, "Stopped serving metrics on {MetricsUrl}")]
    public static partial void Stopped(ILogger logger, Uri metricsUrl);

    [LoggerMessage(4, LogLevel.Warning, "Collecting metrics failed; the scrape was answered 503")]
    public static partial void CollectFailed(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Error, "Serving a scrape failed; it was answered 500")]
    public static partial void ScrapeFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "{Limit} scrapes were already running and no slot freed within the queue timeout; the scrape was answered 503")]
    public static partial void TooManyScrapes(ILogger logger, int limit);

    [LoggerMessage(7, LogLevel.Debug, "A response could not be completed; the client probably disconnected")]
    public static partial void ResponseAborted(ILogger logger, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "The scrape's deadline of {Seconds} s (X-Prometheus-Scrape-Timeout-Seconds) passed before it was answered; it was abandoned")]
    public static partial void DeadlinePassed(ILogger logger, string seconds);

    [LoggerMessage(10, LogLevel.Warning, "A scrape was refused with 401 ({Reason}); {Suppressed} earlier refusals were not logged one by one (one message per burst of {WindowSeconds} s)")]
    public static partial void Refused(ILogger logger, string reason, long suppressed, int windowSeconds);
}
