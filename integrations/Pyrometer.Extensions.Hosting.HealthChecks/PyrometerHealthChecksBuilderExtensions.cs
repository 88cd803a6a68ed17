using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pyrometer.Extensions.Hosting;
using Pyrometer.Extensions.Hosting.HealthChecks.Internal;

namespace Pyrometer;

/// <summary>Adds the health of Pyrometer's hosted components to the host's health checks.</summary>
public static class PyrometerHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds one health check that reads every <see cref="IPyrometerHealthSource"/> the hosting packages
    /// registered (the HttpListener server: whether it is listening; the Pushgateway pusher: whether too many pushes
    /// in a row failed). It reports <paramref name="failureStatus"/> when any of them is unhealthy, naming them, and
    /// each component's description in its data. With no component registered it is healthy.
    /// </summary>
    /// <param name="builder">The health checks builder, from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name. Default: <c>pyrometer</c>.</param>
    /// <param name="failureStatus">The status reported when a component is unhealthy. Default: <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter the check by (for example <c>live</c> or <c>ready</c>). Default: none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="name"/> is null.</exception>
    public static IHealthChecksBuilder AddPyrometer(
        this IHealthChecksBuilder builder,
        string name = "pyrometer",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        Guard.NotNull(builder);
        Guard.NotNull(name);
        return builder.AddCheck<PyrometerHealthCheck>(name, failureStatus, tags ?? []);
    }
}
