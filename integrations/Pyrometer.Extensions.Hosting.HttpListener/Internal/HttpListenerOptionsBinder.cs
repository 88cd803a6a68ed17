using Microsoft.Extensions.Configuration;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Extensions.Hosting.HttpListener.Internal;

/// <summary>Binds the settings of <see cref="HttpListenerMetricsServerOptions"/> that configuration can hold.</summary>
internal static class HttpListenerOptionsBinder
{
    public static void Bind(IConfiguration section, HttpListenerMetricsServerOptions options)
    {
        var read = new SettingReader<HttpListenerMetricsServerOptions>(section);
        read.String(nameof(options.Host), value => options.Host = value);
        read.Int32(nameof(options.Port), value => options.Port = value);
        read.String(nameof(options.Path), value => options.Path = value);
        read.Boolean(nameof(options.EnableCompression), value => options.EnableCompression = value);
        read.Int32(nameof(options.MaxConcurrentScrapes), value => options.MaxConcurrentScrapes = value);
        read.TimeSpan(nameof(options.ScrapeQueueTimeout), value => options.ScrapeQueueTimeout = value);
        read.Int64(nameof(options.MaxRetainedBufferBytes), value => options.MaxRetainedBufferBytes = value);
        read.TimeSpan(nameof(options.SendStallTimeout), value => options.SendStallTimeout = value);
    }
}
