using System.Diagnostics;
using System.Globalization;

namespace Pyrometer.Transports;

/// <summary>
/// Bounds a scrape by its client's own deadline. Prometheus sends its scrape timeout in the
/// <c>X-Prometheus-Scrape-Timeout-Seconds</c> header and drops the connection when it elapses; not every transport notices
/// a closed connection (HttpListener gives no notice), so the scrape is cancelled then, which frees its slot and ends
/// its wait for the collect callbacks. Without the header the token is the transport's abort token alone.
/// </summary>
internal readonly struct ScrapeDeadline : IDisposable
{
    public const string HeaderName = "X-Prometheus-Scrape-Timeout-Seconds";

    // Longer deadlines are taken as no deadline (the collect timeout still bounds the scrape).
    private static readonly double LongestSeconds = TimeSpan.FromDays(1).TotalSeconds;

    private readonly CancellationTokenSource? _source;
    private readonly long _started;

    private ScrapeDeadline(CancellationTokenSource? source, TimeSpan timeout, CancellationToken token)
    {
        _source = source;
        _started = Stopwatch.GetTimestamp();
        Token = token;
        Timeout = timeout;
    }

    /// <summary>Gets the token cancelled when the deadline passes or the server aborts.</summary>
    public CancellationToken Token { get; }

    /// <summary>
    /// Gets whether the deadline has passed or the server aborted: by the clock too, since the timer that cancels
    /// <see cref="Token"/> needs a thread-pool thread and may run late on a busy machine.
    /// </summary>
    public bool HasPassed =>
        Token.IsCancellationRequested
        || (_source is not null && (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency >= Timeout.TotalSeconds);

    /// <summary>Gets whether the client sent a deadline.</summary>
    public bool IsClientDeadline => _source is not null;

    /// <summary>Gets the client's timeout, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> when it sent none.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Starts the deadline a request's header names, linked to the transport's abort token.</summary>
    public static ScrapeDeadline Start(string? headerValue, CancellationToken aborted)
    {
        if (!TryParse(headerValue, out var timeout))
        {
            return new ScrapeDeadline(null, System.Threading.Timeout.InfiniteTimeSpan, aborted);
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        source.CancelAfter(timeout);
        return new ScrapeDeadline(source, timeout, source.Token);
    }

    /// <summary>Reads the header's value: positive seconds, at most a day. Anything else is ignored.</summary>
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= LongestSeconds)
        {
            timeout = TimeSpan.FromSeconds(seconds);
            return true;
        }

        timeout = default;
        return false;
    }

    public void Dispose() => _source?.Dispose();
}
