using Microsoft.Extensions.Logging;

namespace Pyrometer.Transports;

/// <summary>
/// Logs refused scrapes once per burst: the first refusal after a quiet <see cref="Window"/> is logged with how many
/// came since the last message, and the ones that follow it within the window are only counted. A scraper with a
/// wrong password, retrying every few seconds, leaves one line per window instead of one per scrape.
/// </summary>
internal sealed class RefusalLog(ILogger logger, TimeProvider time)
{
    /// <summary>The least time between two messages.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly object _gate = new();
    private long _lastLogged = long.MinValue;
    private long _suppressed;

    /// <summary>Counts a refusal and logs it unless a refusal was logged within the window.</summary>
    public void Refused(string reason)
    {
        long suppressed;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_lastLogged != long.MinValue && time.GetElapsedTime(_lastLogged, now) < Window)
            {
                _suppressed++;
                return;
            }

            _lastLogged = now;
            suppressed = _suppressed;
            _suppressed = 0;
        }

        ScrapeLog.Refused(logger, reason, suppressed, (int)Window.TotalSeconds);
    }
}
