using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pyrometer.Extensions.Hosting;
using Pyrometer.Extensions.Hosting.Internal;

namespace Pyrometer;

/// <summary>Registers Pyrometer in an <see cref="IServiceCollection"/>.</summary>
public static class PyrometerServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="MetricRegistry"/> singleton (<see cref="MetricRegistry.Default"/> unless
    /// <see cref="PyrometerOptions"/> say otherwise, or a registry was registered before) and the hosted service
    /// that attaches collect callbacks from dependency injection to it while the host runs. Calling it again adds
    /// nothing but the new options.
    /// </summary>
    /// <returns>The builder transports' hosting packages add their servers and pushers on.</returns>
    public static PyrometerBuilder AddPyrometer(this IServiceCollection services) =>
        PyrometerRegistration.Add(services, configuration: null, configure: null);

    /// <summary>Registers Pyrometer as <see cref="AddPyrometer(IServiceCollection)"/> does, with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; runs after any configuration binding.</param>
    public static PyrometerBuilder AddPyrometer(this IServiceCollection services, Action<PyrometerOptions> configure)
    {
        Guard.NotNull(configure);
        return PyrometerRegistration.Add(services, configuration: null, configure);
    }

    /// <summary>
    /// Registers Pyrometer as <see cref="AddPyrometer(IServiceCollection)"/> does, binding its options from
    /// <paramref name="configuration"/> (a section shaped like <c>Pyrometer</c> in appsettings.json), whose child
    /// sections (<c>HttpListener</c>, ...) the packages' <c>Add*</c> methods bind.
    /// </summary>
    public static PyrometerBuilder AddPyrometer(this IServiceCollection services, IConfiguration configuration)
    {
        Guard.NotNull(configuration);
        return PyrometerRegistration.Add(services, configuration, configure: null);
    }
}
