using Microsoft.Extensions.Configuration;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Transports.Http;
using Pyrometer.Transports.RemoteWrite;

namespace Pyrometer.Extensions.Hosting.RemoteWrite.Internal;

/// <summary>Binds the settings of <see cref="RemoteWriteSenderOptions"/> that configuration can hold, <c>Http</c> and <c>Resilience</c> as child sections.</summary>
internal static class RemoteWriteOptionsBinder
{
    public static void Bind(IConfiguration section, RemoteWriteSenderOptions options)
    {
        var read = new SettingReader<RemoteWriteSenderOptions>(section);
        read.String(nameof(options.Endpoint), value => options.Endpoint = ParseEndpoint(value));
        read.Pairs(nameof(options.ExternalLabels), (name, value) => options.ExternalLabels[name] = value);
        read.TimeSpan(nameof(options.Interval), value => options.Interval = value);
        read.Int32(nameof(options.MaxSeriesPerRequest), value => options.MaxSeriesPerRequest = value);
        read.Int32(nameof(options.MaxQueuedRequests), value => options.MaxQueuedRequests = value);
        read.Boolean(nameof(options.SendExemplars), value => options.SendExemplars = value);
        read.TimeSpan(nameof(options.StopTimeout), value => options.StopTimeout = value);
        BindHttp(section.GetSection(nameof(options.Http)), options.Http);
        BindResilience(section.GetSection(nameof(options.Resilience)), options.Resilience);
    }

    // Anything but an absolute address is kept as written, so validation names it: a path such as "/api/v1/write"
    // would otherwise parse as the absolute file URI file:///api/v1/write on Unix (only "file:..." is taken as one).
    private static Uri ParseEndpoint(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (!uri.IsFile || value.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            ? uri
            : Uri.TryCreate(value, UriKind.Relative, out var relative) ? relative : new Uri(value, UriKind.RelativeOrAbsolute);

    private static void BindHttp(IConfiguration section, HttpEndpointOptions http)
    {
        var read = new SettingReader<HttpEndpointOptions>(section);
        read.Pairs(nameof(http.Headers), (name, value) => http.Headers[name] = value);
        read.String(nameof(http.Username), value => http.Username = value);
        read.String(nameof(http.Password), value => http.Password = value);
        read.String(nameof(http.BearerToken), value => http.BearerToken = value);
    }

    private static void BindResilience(IConfiguration section, HttpResilienceOptions resilience)
    {
        var read = new SettingReader<HttpResilienceOptions>(section);
        read.Int32(nameof(resilience.MaxRetryAttempts), value => resilience.MaxRetryAttempts = value);
        read.TimeSpan(nameof(resilience.BaseDelay), value => resilience.BaseDelay = value);
        read.TimeSpan(nameof(resilience.MaxDelay), value => resilience.MaxDelay = value);
        read.Boolean(nameof(resilience.UseJitter), value => resilience.UseJitter = value);
        read.TimeSpan(nameof(resilience.AttemptTimeout), value => resilience.AttemptTimeout = value);
        read.Boolean(nameof(resilience.CircuitBreakerEnabled), value => resilience.CircuitBreakerEnabled = value);
        read.TimeSpan(nameof(resilience.SamplingDuration), value => resilience.SamplingDuration = value);
        read.TimeSpan(nameof(resilience.BreakDuration), value => resilience.BreakDuration = value);
        read.Int32(nameof(resilience.MinimumThroughput), value => resilience.MinimumThroughput = value);
    }
}
