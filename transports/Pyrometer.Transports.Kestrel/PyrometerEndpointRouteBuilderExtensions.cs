using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pyrometer.Transports;
using Pyrometer.Transports.Kestrel;
using Pyrometer.Transports.Kestrel.Internal;

namespace Pyrometer;

/// <summary>Maps Pyrometer's metrics endpoint into an ASP.NET Core app.</summary>
public static class PyrometerEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps an endpoint that serves a registry's metrics for Prometheus to scrape: GET and HEAD (other methods get
    /// 405), the format negotiated from <c>Accept</c> or named by <c>?format=</c>, gzip when accepted, 503 on a failing
    /// collect callback, a passed <c>X-Prometheus-Scrape-Timeout-Seconds</c> deadline, too many concurrent scrapes
    /// (with <c>Retry-After</c>) or while the app stops, and 500 on a failing write. A scrape is cancelled when its
    /// client disconnects.
    /// </summary>
    /// <param name="endpoints">The app or route group to map into.</param>
    /// <param name="pattern">The route pattern. Default: <c>/metrics</c>.</param>
    /// <param name="configure">
    /// Sets the registry, formats and scrape limits; called once, here. The registry starts as the app's
    /// <see cref="MetricRegistry"/> service when one is registered (as <c>AddPyrometer()</c> does), else
    /// <see cref="MetricRegistry.Default"/>.
    /// </param>
    /// <returns>The endpoint's builder, to add <c>RequireAuthorization()</c>, <c>RequireHost(...)</c>, rate limiting or output caching.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="pattern"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public static IEndpointConventionBuilder MapPyrometerMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics", Action<PyrometerMetricsEndpointOptions>? configure = null)
    {
        Guard.NotNull(endpoints);
        Guard.NotNull(pattern);
        var options = new PyrometerMetricsEndpointOptions();
        var services = endpoints.ServiceProvider;
        options.Registry = services.GetService<MetricRegistry>();
        configure?.Invoke(options);
        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(PyrometerEndpointRouteBuilderExtensions).Namespace + ".MetricsEndpoint");
        var settings = ScrapeSettings.From(options.ToScrapeSettings(nameof(PyrometerMetricsEndpointOptions)), logger);
        var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        var handler = new ContextScrapeHandler(new ScrapeResponder(settings, path: null), stopping);
        return endpoints.Map(pattern, (Microsoft.AspNetCore.Http.RequestDelegate)handler.HandleAsync).WithDisplayName("Pyrometer metrics");
    }
}
