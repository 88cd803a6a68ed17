using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Transports.Kestrel;

namespace Pyrometer.Extensions.Hosting.Kestrel.Internal;

/// <summary>Binds the settings of <see cref="KestrelMetricsServerOptions"/> that configuration can hold.</summary>
internal static class KestrelOptionsBinder
{
    private static readonly HttpProtocols[] NamedProtocols =
        [HttpProtocols.Http1, HttpProtocols.Http2, HttpProtocols.Http1AndHttp2, HttpProtocols.Http3, HttpProtocols.Http1AndHttp2AndHttp3];

    public static void Bind(IConfiguration section, KestrelMetricsServerOptions options)
    {
        var read = new SettingReader<KestrelMetricsServerOptions>(section);
        read.String(nameof(options.Host), value => options.Host = value);
        read.Int32(nameof(options.Port), value => options.Port = value);
        read.String(nameof(options.Path), value => options.Path = value);
        read.String(nameof(options.Protocols), value => options.Protocols = ParseProtocols(section, value));
        read.String(nameof(options.CertificatePath), value => options.CertificatePath = value);
        read.String(nameof(options.CertificateKeyPath), value => options.CertificateKeyPath = value);
        read.String(nameof(options.BasicAuthUsername), value => options.BasicAuthUsername = value);
        read.String(nameof(options.BasicAuthPassword), value => options.BasicAuthPassword = value);
        read.String(nameof(options.BearerToken), value => options.BearerToken = value);
        read.Boolean(nameof(options.EnableCompression), value => options.EnableCompression = value);
        read.Int32(nameof(options.MaxConcurrentScrapes), value => options.MaxConcurrentScrapes = value);
        read.TimeSpan(nameof(options.ScrapeQueueTimeout), value => options.ScrapeQueueTimeout = value);
        read.Int64(nameof(options.MaxRetainedBufferBytes), value => options.MaxRetainedBufferBytes = value);
    }

    /// <summary>One of the names of <see cref="HttpProtocols"/> (case-insensitive); numbers and combinations are refused.</summary>
    private static HttpProtocols ParseProtocols(IConfiguration section, string text)
    {
        foreach (var protocols in NamedProtocols)
        {
            if (string.Equals(protocols.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return protocols;
            }
        }

        var setting = SettingNames.Of(section, nameof(KestrelMetricsServerOptions), nameof(KestrelMetricsServerOptions.Protocols));
        var allowed = string.Join(", ", NamedProtocols);
        throw new OptionsValidationException(Options.DefaultName, typeof(KestrelMetricsServerOptions), [$"{setting} must be one of {allowed}; got '{text}'."]);
    }
}
