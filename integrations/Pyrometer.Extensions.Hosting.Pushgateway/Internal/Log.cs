using Microsoft.Extensions.Logging;

namespace Pyrometer.Extensions.Hosting.Pushgateway.Internal;

/// <summary>The hosted pusher's log messages (the pusher logs its pushes itself).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "The final push to {GroupUri} was abandoned: the host's shutdown timeout passed first")]
    public static partial void StopAbandoned(ILogger logger, Uri groupUri);
}
