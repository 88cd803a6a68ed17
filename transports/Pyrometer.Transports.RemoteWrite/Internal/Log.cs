using Microsoft.Extensions.Logging;

namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>The remote-write sender's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Sending metrics by remote write to {Endpoint} every {Interval}")]
    public static partial void Started(ILogger logger, Uri endpoint, TimeSpan interval);

    [LoggerMessage(2, LogLevel.Error, "Collecting metrics for remote write to {Endpoint} failed")]
    public static partial void CollectFailed(ILogger logger, Uri endpoint, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Remote write to {Endpoint} failed; {Queued} requests stay queued for the next attempt")]
    public static partial void SendFailed(ILogger logger, Uri endpoint, int queued, Exception exception);

    [LoggerMessage(4, LogLevel.Error, "Remote write to {Endpoint} was rejected with {Status}, not retried ({Series} series dropped): {ResponseBody}")]
    public static partial void Rejected(ILogger logger, Uri endpoint, int status, int series, string responseBody);

    [LoggerMessage(5, LogLevel.Warning, "The remote-write queue for {Endpoint} is full ({Capacity} requests): dropped the oldest ({Series} series)")]
    public static partial void Dropped(ILogger logger, Uri endpoint, int capacity, int series);

    [LoggerMessage(6, LogLevel.Warning, "Stopped remote write to {Endpoint} with {Queued} requests unsent")]
    public static partial void StoppedWithUnsent(ILogger logger, Uri endpoint, int queued);

    [LoggerMessage(7, LogLevel.Information, "Stopped remote write to {Endpoint}")]
    public static partial void Stopped(ILogger logger, Uri endpoint);
}
