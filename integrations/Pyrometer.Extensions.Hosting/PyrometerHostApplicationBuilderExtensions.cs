using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pyrometer.Extensions.Hosting;

namespace Pyrometer;

/// <summary>Registers Pyrometer on an <see cref="IHostApplicationBuilder"/>, configured from its configuration.</summary>
public static class PyrometerHostApplicationBuilderExtensions
{
    /// <summary>The configuration section Pyrometer reads: <c>Pyrometer</c>.</summary>
    public const string ConfigurationSectionName = "Pyrometer";

    /// <summary>
    /// Registers Pyrometer with options bound from the <c>Pyrometer</c> section of the builder's configuration
    /// (appsettings.json, environment variables such as <c>Pyrometer__UseDefaultRegistry</c>, ...).
    /// </summary>
    /// <returns>The builder transports' hosting packages add their servers and pushers on, reading their own child sections.</returns>
    public static PyrometerBuilder AddPyrometer(this IHostApplicationBuilder builder)
    {
        Guard.NotNull(builder);
        return builder.Services.AddPyrometer(builder.Configuration.GetSection(ConfigurationSectionName));
    }

    /// <summary>Registers Pyrometer as <see cref="AddPyrometer(IHostApplicationBuilder)"/> does; <paramref name="configure"/> runs after the binding.</summary>
    public static PyrometerBuilder AddPyrometer(this IHostApplicationBuilder builder, Action<PyrometerOptions> configure)
    {
        Guard.NotNull(configure);
        var pyrometer = builder.AddPyrometer();
        pyrometer.Services.Configure(configure);
        return pyrometer;
    }
}
