using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Hosting.Internal;

/// <summary>
/// Checks the server's options when the host starts, naming each setting as configured
/// (<c>Pyrometer:HttpListener:Port</c>) with what it allows. The limits are the server's own
/// (<see cref="HttpListenerMetricsServer(HttpListenerMetricsServerOptions)"/> throws on the same values, as the
/// tests check), so a host fails at start rather than when the server is created.
/// </summary>
internal sealed class HttpListenerOptionsValidator(IConfiguration? section) : IValidateOptions<HttpListenerMetricsServerOptions>
{
    // One response buffer block (512 KiB) and the longest queue wait, as the server requires.
    private const long MinRetainedBufferBytes = 524288;
    private static readonly TimeSpan LongestQueueTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, HttpListenerMetricsServerOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host) || options.Host.IndexOfAny([' ', '\t', '/', '?', '#', '@']) >= 0)
        {
            failures.Add($"{Setting(nameof(options.Host))} must be an IP address, a host name or '+' (every interface); got '{options.Host}'.");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add(Invariant($"{Setting(nameof(options.Port))} must be between 0 (pick a free port) and 65535; got {options.Port}."));
        }

        if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/' || options.Path.IndexOfAny([' ', '\t', '?', '#']) >= 0)
        {
            failures.Add($"{Setting(nameof(options.Path))} must start with '/' and contain no spaces, '?' or '#'; got '{options.Path}'.");
        }

        if (options.MaxConcurrentScrapes < 1)
        {
            failures.Add(Invariant($"{Setting(nameof(options.MaxConcurrentScrapes))} must be at least 1; got {options.MaxConcurrentScrapes}."));
        }

        if (options.ScrapeQueueTimeout < TimeSpan.Zero || options.ScrapeQueueTimeout > LongestQueueTimeout)
        {
            failures.Add(Invariant($"{Setting(nameof(options.ScrapeQueueTimeout))} must be between 00:00:00 and 00:10:00; got {options.ScrapeQueueTimeout}."));
        }

        if (options.MaxRetainedBufferBytes < MinRetainedBufferBytes)
        {
            failures.Add(Invariant($"{Setting(nameof(options.MaxRetainedBufferBytes))} must be at least {MinRetainedBufferBytes} (one 512 KiB block); got {options.MaxRetainedBufferBytes}."));
        }

        if (options.Formats is { Count: 0 })
        {
            failures.Add($"{Setting(nameof(options.Formats))} must contain at least one format.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private string Setting(string property) => SettingNames.Of(section, nameof(HttpListenerMetricsServerOptions), property);
}
