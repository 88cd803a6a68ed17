using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Transports;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Extensions.Hosting.HttpListener.Internal;

/// <summary>
/// Checks the server's options when the host starts, naming each setting as configured
/// (<c>Pyrometer:HttpListener:Port</c>) with what it allows. The limits are the server's own
/// (<see cref="HttpListenerMetricsServer(HttpListenerMetricsServerOptions)"/> throws on the same values, as the
/// tests check); the port, path and scrape limits are the <see cref="ScrapeLimits"/> both servers and both
/// validators share. So a host fails at start rather than when the server is created.
/// </summary>
internal sealed class HttpListenerOptionsValidator(IConfiguration? section) : IValidateOptions<HttpListenerMetricsServerOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpListenerMetricsServerOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host) || options.Host.IndexOfAny([' ', '\t', '/', '?', '#', '@']) >= 0)
        {
            failures.Add($"{Setting(nameof(options.Host))} must be an IP address, a host name or '+' (every interface); got '{options.Host}'.");
        }

        ScrapeLimits.CheckEndpoint(options.Port, options.Path, Setting, failures);
        ScrapeLimits.CheckScrapes(options.MaxConcurrentScrapes, options.ScrapeQueueTimeout, options.MaxRetainedBufferBytes, options.Formats, Setting, failures);
        if (!ScrapeLimits.IsValidSendStallTimeout(options.SendStallTimeout))
        {
            failures.Add($"{Setting(nameof(options.SendStallTimeout))} must be {ScrapeLimits.SendStallTimeoutRange}; got {options.SendStallTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string Setting(string property) => SettingNames.Of(section, nameof(HttpListenerMetricsServerOptions), property);
}
