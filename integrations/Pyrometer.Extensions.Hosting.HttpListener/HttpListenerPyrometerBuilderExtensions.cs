using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting;
using Pyrometer.Extensions.Hosting.HttpListener.Internal;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer;

/// <summary>Runs the <see cref="HttpListenerMetricsServer"/> with the host.</summary>
public static class HttpListenerPyrometerBuilderExtensions
{
    /// <summary>The child of the <c>Pyrometer</c> section the server's options are read from: <c>HttpListener</c>.</summary>
    public const string ConfigurationSectionName = "HttpListener";

    /// <summary>
    /// Serves the injected <see cref="MetricRegistry"/> with a <see cref="HttpListenerMetricsServer"/> that starts with
    /// the host (logging its URL), stops with the host's shutdown token before the host exits, and is disposed with
    /// the service provider. Options come from <c>Pyrometer:HttpListener</c> when the builder has a configuration
    /// section, and are validated when the host starts. The server can be injected (for its
    /// <see cref="HttpListenerMetricsServer.MetricsUrl"/>). Adding it again changes nothing but the options.
    /// </summary>
    public static PyrometerBuilder AddHttpListenerServer(this PyrometerBuilder builder)
    {
        Guard.NotNull(builder);
        return AddCore(builder, builder.Configuration?.GetSection(ConfigurationSectionName), configure: null);
    }

    /// <summary>Adds the server as <see cref="AddHttpListenerServer(PyrometerBuilder)"/> does; <paramref name="configure"/> runs after the configuration binding.</summary>
    public static PyrometerBuilder AddHttpListenerServer(this PyrometerBuilder builder, Action<HttpListenerMetricsServerOptions> configure)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configure);
        return AddCore(builder, builder.Configuration?.GetSection(ConfigurationSectionName), configure);
    }

    /// <summary>Adds the server as <see cref="AddHttpListenerServer(PyrometerBuilder)"/> does, with options read from <paramref name="configuration"/>.</summary>
    public static PyrometerBuilder AddHttpListenerServer(this PyrometerBuilder builder, IConfiguration configuration)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configuration);
        return AddCore(builder, configuration, configure: null);
    }

    private static PyrometerBuilder AddCore(PyrometerBuilder builder, IConfiguration? section, Action<HttpListenerMetricsServerOptions>? configure)
    {
        TransportOptionsRegistration.Add(
            builder.Services,
            section,
            HttpListenerOptionsBinder.Bind,
            configure,
            static (o, provider) =>
            {
                o.Registry ??= provider.GetRequiredService<MetricRegistry>();
                o.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            },
            new HttpListenerOptionsValidator(section));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPyrometerHealthSource, HttpListenerServerHealth>());
        return builder.AddHostedComponent(
            static provider => new HttpListenerMetricsServer(provider.GetRequiredService<IOptions<HttpListenerMetricsServerOptions>>().Value),
            static (server, cancellationToken) => server.StartAsync(cancellationToken),
            static (server, cancellationToken) => server.StopAsync(cancellationToken));
    }
}
