using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Extensions.Hosting.Kestrel.Internal;
using Pyrometer.Transports.Kestrel;

namespace Pyrometer;

/// <summary>Runs the <see cref="KestrelMetricsServer"/> with the host.</summary>
public static class KestrelPyrometerBuilderExtensions
{
    /// <summary>The child of the <c>Pyrometer</c> section the server's options are read from: <c>Kestrel</c>.</summary>
    public const string ConfigurationSectionName = "Kestrel";

    /// <summary>
    /// Serves the injected <see cref="MetricRegistry"/> with a <see cref="KestrelMetricsServer"/> (its own Kestrel,
    /// apart from any web app of the host) that starts with the host (logging its URL), stops with the host's
    /// shutdown token before the host exits, and is disposed with the service provider. Options come from
    /// <c>Pyrometer:Kestrel</c> when the builder has a configuration section, and are validated when the host
    /// starts. The server can be injected (for its <see cref="KestrelMetricsServer.MetricsUrl"/>). Adding it again
    /// changes nothing but the options.
    /// </summary>
    public static PyrometerBuilder AddKestrelServer(this PyrometerBuilder builder)
    {
        Guard.NotNull(builder);
        return AddCore(builder, builder.Configuration?.GetSection(ConfigurationSectionName), configure: null);
    }

    /// <summary>Adds the server as <see cref="AddKestrelServer(PyrometerBuilder)"/> does; <paramref name="configure"/> runs after the configuration binding.</summary>
    public static PyrometerBuilder AddKestrelServer(this PyrometerBuilder builder, Action<KestrelMetricsServerOptions> configure)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configure);
        return AddCore(builder, builder.Configuration?.GetSection(ConfigurationSectionName), configure);
    }

    /// <summary>Adds the server as <see cref="AddKestrelServer(PyrometerBuilder)"/> does, with options read from <paramref name="configuration"/>.</summary>
    public static PyrometerBuilder AddKestrelServer(this PyrometerBuilder builder, IConfiguration configuration)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configuration);
        return AddCore(builder, configuration, configure: null);
    }

    private static PyrometerBuilder AddCore(PyrometerBuilder builder, IConfiguration? section, Action<KestrelMetricsServerOptions>? configure)
    {
        TransportOptionsRegistration.Add(
            builder.Services,
            section,
            KestrelOptionsBinder.Bind,
            configure,
            static (o, provider) =>
            {
                o.Registry ??= provider.GetRequiredService<MetricRegistry>();
                o.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            },
            new KestrelOptionsValidator(section));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPyrometerHealthSource, KestrelServerHealth>());
        return builder.AddHostedComponent(
            static provider => new KestrelMetricsServer(provider.GetRequiredService<IOptions<KestrelMetricsServerOptions>>().Value),
            static (server, cancellationToken) => server.StartAsync(cancellationToken),
            static (server, cancellationToken) => server.StopAsync(cancellationToken));
    }
}
