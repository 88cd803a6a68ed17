using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Extensions.Hosting.Metrics.Internal;
using Pyrometer.Extensions.Metrics;

namespace Pyrometer;

/// <summary>Exports System.Diagnostics.Metrics instruments into the host's registry while the host runs.</summary>
public static class MeterBridgePyrometerBuilderExtensions
{
    /// <summary>The child of the <c>Pyrometer</c> section the bridge's options are read from: <c>MeterBridge</c>.</summary>
    public const string ConfigurationSectionName = "MeterBridge";

    /// <summary>The runtime's own meter, left out of the bridge when <c>AddRuntimeMetrics()</c> is added: <c>System.Runtime</c>.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    /// <summary>
    /// Exports System.Diagnostics.Metrics instruments (every meter unless the options select some) into the injected
    /// <see cref="MetricRegistry"/> with a <see cref="MeterBridge"/> that starts with the host and is disposed when
    /// the host stops: an ASP.NET Core app then serves <c>http_server_request_duration_seconds</c> with its
    /// <c>http_route</c>, <c>http_request_method</c> and <c>http_response_status_code</c> labels, with no other code.
    /// Warnings go to the host's <see cref="ILoggerFactory"/>. Options come from <c>Pyrometer:MeterBridge</c> when
    /// the builder has a configuration section, and are validated when the host starts. With
    /// <see cref="SystemMetricsPyrometerBuilderExtensions.AddRuntimeMetrics"/>, the runtime's <c>System.Runtime</c>
    /// meter (which writes the same names) is not bridged. Adding it again changes nothing but the options.
    /// </summary>
    public static PyrometerBuilder AddMeterBridge(this PyrometerBuilder builder)
    {
        Guard.NotNull(builder);
        return AddCore(builder, builder.Configuration?.GetSection(ConfigurationSectionName), configure: null);
    }

    /// <summary>Adds the bridge as <see cref="AddMeterBridge(PyrometerBuilder)"/> does; <paramref name="configure"/> runs after the configuration binding.</summary>
    public static PyrometerBuilder AddMeterBridge(this PyrometerBuilder builder, Action<MeterBridgeOptions> configure)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configure);
        return AddCore(builder, builder.Configuration?.GetSection(ConfigurationSectionName), configure);
    }

    /// <summary>Adds the bridge as <see cref="AddMeterBridge(PyrometerBuilder)"/> does, with options read from <paramref name="configuration"/>.</summary>
    public static PyrometerBuilder AddMeterBridge(this PyrometerBuilder builder, IConfiguration configuration)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configuration);
        return AddCore(builder, configuration, configure: null);
    }

    private static PyrometerBuilder AddCore(PyrometerBuilder builder, IConfiguration? section, Action<MeterBridgeOptions>? configure)
    {
        TransportOptionsRegistration.Add(
            builder.Services,
            section,
            MeterBridgeOptionsBinder.Bind,
            configure,
            static (o, provider) =>
            {
                o.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                if (provider.GetService<RuntimeMetricsComponent>() is not null && !o.ExcludedMeters.Contains(RuntimeMeterName))
                {
                    o.ExcludedMeters.Add(RuntimeMeterName);
                }
            },
            new MeterBridgeOptionsValidator(section));
        return builder.AddHostedComponent(
            static provider => new HostedMeterBridge(provider.GetRequiredService<MetricRegistry>(), provider.GetRequiredService<IOptions<MeterBridgeOptions>>().Value),
            static (bridge, _) => bridge.StartAsync(),
            static (bridge, _) => bridge.StopAsync());
    }
}
