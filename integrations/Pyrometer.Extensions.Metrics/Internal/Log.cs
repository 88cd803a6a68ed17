using Microsoft.Extensions.Logging;

namespace Pyrometer.Extensions.Metrics.Internal;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Instrument '{Instrument}' of meter '{Meter}' is not exported: {Reason}")]
    public static partial void NotExported(ILogger logger, string instrument, string meter, string reason);

    [LoggerMessage(2, LogLevel.Warning, "A measurement of instrument '{Instrument}' of meter '{Meter}' was dropped: {Reason}")]
    public static partial void MeasurementDropped(ILogger logger, string instrument, string meter, string reason);

    [LoggerMessage(3, LogLevel.Warning, "An observable instrument's callback failed; the other instruments were read")]
    public static partial void ObservableCallbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Instrument '{Instrument}' of meter '{Meter}' reached the cardinality limit of {Limit} series of family '{Family}': further tag sets are recorded into its otel_metric_overflow=\"true\" series")]
    public static partial void CardinalityLimitReached(ILogger logger, string instrument, string meter, string family, int limit);
}
