using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Extensions.Hosting.Pushgateway;
using Pyrometer.Extensions.Hosting.Pushgateway.Internal;
using Pyrometer.Transports.Pushgateway;

namespace Pyrometer;

/// <summary>Runs the <see cref="PeriodicPushgatewayPusher"/> with the host.</summary>
public static class PushgatewayPyrometerBuilderExtensions
{
    /// <summary>The child of the <c>Pyrometer</c> section the pusher's options are read from: <c>Pushgateway</c>.</summary>
    public const string ConfigurationSectionName = "Pushgateway";

    /// <summary>
    /// Pushes the injected <see cref="MetricRegistry"/> to a Pushgateway with a <see cref="PeriodicPushgatewayPusher"/>
    /// that starts with the host (first push at once, then every <c>Interval</c>), and when the host stops pushes once
    /// more (and deletes the group if asked) within the host's shutdown timeout, giving up when it passes. The pusher
    /// is a singleton (inject it for its <see cref="PeriodicPushgatewayPusher.Status"/>) disposed with the service
    /// provider. Options come from <c>Pyrometer:Pushgateway</c> when the builder has a configuration section, and are
    /// validated when the host starts. Adding it again changes nothing but the options.
    /// </summary>
    public static PyrometerBuilder AddPushgateway(this PyrometerBuilder builder)
    {
        Guard.NotNull(builder);
        return AddCore(builder, builder.Configuration?.GetSection(ConfigurationSectionName), configure: null, configureHosting: null);
    }

    /// <summary>Adds the pusher as <see cref="AddPushgateway(PyrometerBuilder)"/> does; <paramref name="configure"/> runs after the configuration binding.</summary>
    public static PyrometerBuilder AddPushgateway(this PyrometerBuilder builder, Action<PeriodicPushgatewayPusherOptions> configure)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configure);
        return AddCore(builder, builder.Configuration?.GetSection(ConfigurationSectionName), configure, configureHosting: null);
    }

    /// <summary>
    /// Adds the pusher as <see cref="AddPushgateway(PyrometerBuilder)"/> does; <paramref name="configure"/> and
    /// <paramref name="configureHosting"/> (the health threshold, the <see cref="HttpClient"/>) run after the configuration binding.
    /// </summary>
    public static PyrometerBuilder AddPushgateway(this PyrometerBuilder builder, Action<PeriodicPushgatewayPusherOptions> configure, Action<PushgatewayHostingOptions> configureHosting)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configure);
        Guard.NotNull(configureHosting);
        return AddCore(builder, builder.Configuration?.GetSection(ConfigurationSectionName), configure, configureHosting);
    }

    /// <summary>Adds the pusher as <see cref="AddPushgateway(PyrometerBuilder)"/> does, with options read from <paramref name="configuration"/>.</summary>
    public static PyrometerBuilder AddPushgateway(this PyrometerBuilder builder, IConfiguration configuration)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configuration);
        return AddCore(builder, configuration, configure: null, configureHosting: null);
    }

    private static PyrometerBuilder AddCore(
        PyrometerBuilder builder,
        IConfiguration? section,
        Action<PeriodicPushgatewayPusherOptions>? configure,
        Action<PushgatewayHostingOptions>? configureHosting)
    {
        var services = builder.Services;
        TransportOptionsRegistration.Add(
            services,
            section,
            PushgatewayOptionsBinder.Bind,
            configure,
            static (o, provider) =>
            {
                o.Registry ??= provider.GetRequiredService<MetricRegistry>();
                o.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            },
            new PushgatewayOptionsValidator(section));
        TransportOptionsRegistration.Add<PushgatewayHostingOptions>(
            services,
            section,
            PushgatewayOptionsBinder.Bind,
            configureHosting,
            fillFromServices: null,
            new PushgatewayHostingOptionsValidator(section));
        services.TryAddSingleton(CreatePusher);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPyrometerHealthSource, PushgatewayPusherHealth>());
        return builder.AddHostedComponent(
            static provider => new HostedPushgatewayPusher(
                provider.GetRequiredService<PeriodicPushgatewayPusher>(),
                (ILogger?)provider.GetService<ILoggerFactory>()?.CreateLogger<PeriodicPushgatewayPusher>() ?? NullLogger.Instance),
            static (pusher, cancellationToken) => pusher.StartAsync(cancellationToken),
            static (pusher, cancellationToken) => pusher.StopAsync(cancellationToken));
    }

    private static PeriodicPushgatewayPusher CreatePusher(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<PeriodicPushgatewayPusherOptions>>().Value;
        var hosting = provider.GetRequiredService<IOptions<PushgatewayHostingOptions>>().Value;
        return new PeriodicPushgatewayPusher(options, hosting.HttpClientFactory?.Invoke(provider));
    }
}
