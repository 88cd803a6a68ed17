using Microsoft.Extensions.Logging;

namespace Pyrometer.Transports.Pushgateway.Internal;

/// <summary>The periodic pusher's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Pushing metrics to {GroupUri} every {Interval}")]
    public static partial void Started(ILogger logger, Uri groupUri, TimeSpan interval);

    [LoggerMessage(2, LogLevel.Warning, "Pushing metrics to {GroupUri} failed ({ConsecutiveFailures} in a row); the next push carries every change")]
    public static partial void PushFailed(ILogger logger, Uri groupUri, int consecutiveFailures, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Pushing metrics to {GroupUri} succeeded again after {Failures} failures")]
    public static partial void Recovered(ILogger logger, Uri groupUri, int failures);

    [LoggerMessage(4, LogLevel.Warning, "Deleting the group {GroupUri} on stop failed")]
    public static partial void DeleteFailed(ILogger logger, Uri groupUri, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Stopped pushing metrics to {GroupUri}")]
    public static partial void Stopped(ILogger logger, Uri groupUri);
}
