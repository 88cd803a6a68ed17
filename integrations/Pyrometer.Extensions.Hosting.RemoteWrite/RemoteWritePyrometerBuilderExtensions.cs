using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Extensions.Hosting.RemoteWrite.Internal;
using Pyrometer.Transports.RemoteWrite;

namespace Pyrometer;

/// <summary>Runs the <see cref="RemoteWriteSender"/> with the host.</summary>
public static class RemoteWritePyrometerBuilderExtensions
{
    /// <summary>The child of the <c>Pyrometer</c> section the sender's options are read from: <c>RemoteWrite</c>.</summary>
    public const string ConfigurationSectionName = "RemoteWrite";

    /// <summary>
    /// Sends the injected <see cref="MetricRegistry"/> by remote write with a <see cref="RemoteWriteSender"/> that
    /// starts with the host, stops with the host's shutdown token before the host exits (its final collection and
    /// flush bounded by that token and its <c>StopTimeout</c>), and is disposed with the service provider. Options come
    /// from <c>Pyrometer:RemoteWrite</c> when the builder has a configuration section (<c>Http</c> and
    /// <c>Resilience</c> as child sections, <c>ExternalLabels</c> and <c>Http:Headers</c> as name/value children) and
    /// are validated when the host starts. The sender can be injected (for its queue and drop counts) and reports a
    /// full queue as unhealthy. Adding it again changes nothing but the options.
    /// </summary>
    public static PyrometerBuilder AddRemoteWrite(this PyrometerBuilder builder)
    {
        Guard.NotNull(builder);
        return AddCore(builder, builder.Configuration?.GetSection(ConfigurationSectionName), configure: null);
    }

    /// <summary>Adds the sender as <see cref="AddRemoteWrite(PyrometerBuilder)"/> does; <paramref name="configure"/> runs after the configuration binding.</summary>
    public static PyrometerBuilder AddRemoteWrite(this PyrometerBuilder builder, Action<RemoteWriteSenderOptions> configure)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configure);
        return AddCore(builder, builder.Configuration?.GetSection(ConfigurationSectionName), configure);
    }

    /// <summary>Adds the sender as <see cref="AddRemoteWrite(PyrometerBuilder)"/> does, with options read from <paramref name="configuration"/>.</summary>
    public static PyrometerBuilder AddRemoteWrite(this PyrometerBuilder builder, IConfiguration configuration)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configuration);
        return AddCore(builder, configuration, configure: null);
    }

    private static PyrometerBuilder AddCore(PyrometerBuilder builder, IConfiguration? section, Action<RemoteWriteSenderOptions>? configure)
    {
        TransportOptionsRegistration.Add(
            builder.Services,
            section,
            RemoteWriteOptionsBinder.Bind,
            configure,
            static (o, provider) =>
            {
                o.Registry ??= provider.GetRequiredService<MetricRegistry>();
                o.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            },
            new RemoteWriteOptionsValidator(section));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPyrometerHealthSource, RemoteWriteSenderHealth>());
        return builder.AddHostedComponent(
            static provider => new RemoteWriteSender(provider.GetRequiredService<IOptions<RemoteWriteSenderOptions>>().Value),
            static (sender, cancellationToken) => sender.StartAsync(cancellationToken),
            static (sender, cancellationToken) => sender.StopAsync(cancellationToken));
    }
}
