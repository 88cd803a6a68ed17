using System.Globalization;
using Pyrometer.Exposition;

namespace Pyrometer.Transports;

/// <summary>
/// The limits a standalone metrics server puts on its endpoint and its scrapes, in one place: the servers' settings
/// reject values by them, and the hosting packages' validators (which link this file) report each value they break
/// by the setting's name as the user wrote it (<c>Pyrometer:HttpListener:MaxConcurrentScrapes</c>,
/// <c>Pyrometer:Kestrel:MaxConcurrentScrapes</c>, or <c>{options type}.{property}</c> when set in code).
/// </summary>
internal static class ScrapeLimits
{
    /// <summary>The size of a block of the servers' response buffers: 512 KiB.</summary>
    public const int BufferBlockBytes = 512 * 1024;

    /// <summary>The fewest bytes of response buffers a server may keep: one block.</summary>
    public const long MinRetainedBufferBytes = BufferBlockBytes;

    /// <summary>What a send stall timeout may be, for messages.</summary>
    public const string SendStallTimeoutRange = "positive and at most 24.20:31:23.647 (int.MaxValue ms), or -00:00:00.001 (Timeout.InfiniteTimeSpan) for no bound";

    // CancellationTokenSource.CancelAfter takes at most int.MaxValue milliseconds.
    private static readonly TimeSpan LongestSendStallTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>The longest a scrape may wait for a free slot: 10 minutes.</summary>
    public static readonly TimeSpan LongestQueueTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Gets whether a metrics path starts with <c>/</c> and has no space, tab, <c>?</c> or <c>#</c>.</summary>
    public static bool IsValidPath([NotNullWhen(true)] string? path) =>
        !string.IsNullOrEmpty(path) && path![0] == '/' && path.IndexOfAny([' ', '\t', '?', '#']) < 0;

    /// <summary>Gets whether a scrape queue timeout is between zero and <see cref="LongestQueueTimeout"/>.</summary>
    public static bool IsValidQueueTimeout(TimeSpan timeout) => timeout >= TimeSpan.Zero && timeout <= LongestQueueTimeout;

    /// <summary>Gets whether a send stall timeout is <see cref="SendStallTimeoutRange"/>.</summary>
    public static bool IsValidSendStallTimeout(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan || (timeout > TimeSpan.Zero && timeout <= LongestSendStallTimeout);

    /// <summary>Adds a failure, named by <paramref name="setting"/>, for a port or path the server would refuse.</summary>
    /// <param name="port">The port: 0 (pick a free one) to 65535.</param>
    /// <param name="path">The metrics path (<see cref="IsValidPath"/>).</param>
    /// <param name="setting">Gives a property's setting name as configured (<c>Port</c> → <c>Pyrometer:Kestrel:Port</c>).</param>
    /// <param name="failures">Where the messages go.</param>
    public static void CheckEndpoint(int port, string? path, Func<string, string> setting, List<string> failures)
    {
        if (port is < 0 or > 65535)
        {
            failures.Add(Invariant($"{setting("Port")} must be between 0 (pick a free port) and 65535; got {port}."));
        }

        if (!IsValidPath(path))
        {
            failures.Add($"{setting("Path")} must start with '/' and contain no spaces, '?' or '#'; got '{path}'.");
        }
    }

    /// <summary>Adds a failure, named by <paramref name="setting"/>, for each scrape limit the server would refuse.</summary>
    /// <param name="maxConcurrentScrapes">At least 1.</param>
    /// <param name="scrapeQueueTimeout">Between zero and <see cref="LongestQueueTimeout"/>.</param>
    /// <param name="maxRetainedBufferBytes">At least <see cref="MinRetainedBufferBytes"/>.</param>
    /// <param name="formats">Null (the text formats) or at least one format.</param>
    /// <param name="setting">Gives a property's setting name as configured.</param>
    /// <param name="failures">Where the messages go.</param>
    public static void CheckScrapes(
        int maxConcurrentScrapes,
        TimeSpan scrapeQueueTimeout,
        long maxRetainedBufferBytes,
        ExpositionFormatCollection? formats,
        Func<string, string> setting,
        List<string> failures)
    {
        if (maxConcurrentScrapes < 1)
        {
            failures.Add(Invariant($"{setting("MaxConcurrentScrapes")} must be at least 1; got {maxConcurrentScrapes}."));
        }

        if (!IsValidQueueTimeout(scrapeQueueTimeout))
        {
            failures.Add(Invariant($"{setting("ScrapeQueueTimeout")} must be between {TimeSpan.Zero} and {LongestQueueTimeout}; got {scrapeQueueTimeout}."));
        }

        if (maxRetainedBufferBytes < MinRetainedBufferBytes)
        {
            failures.Add(Invariant($"{setting("MaxRetainedBufferBytes")} must be at least {MinRetainedBufferBytes} (one 512 KiB block); got {maxRetainedBufferBytes}."));
        }

        if (formats is { Count: 0 })
        {
            failures.Add($"{setting("Formats")} must contain at least one format.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
