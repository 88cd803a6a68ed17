using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Pyrometer.Extensions.Hosting.Internal;

/// <summary>
/// What <c>AddPyrometer</c> registered, kept in the service collection so a second call (from a library, say)
/// adds nothing twice and its builder still sees the configuration section the first call was given.
/// </summary>
internal sealed class PyrometerRegistration
{
    private PyrometerRegistration(IConfiguration? configuration) => Configuration = configuration;

    /// <summary>Gets the <c>Pyrometer</c> section the options were bound from, if any.</summary>
    public IConfiguration? Configuration { get; private set; }

    public static PyrometerBuilder Add(IServiceCollection services, IConfiguration? configuration, Action<PyrometerOptions>? configure)
    {
        Guard.NotNull(services);
        var registration = Find(services);
        if (registration is null)
        {
            registration = new PyrometerRegistration(null);
            services.AddSingleton(registration);
            services.AddOptions<PyrometerOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PyrometerOptions>, PyrometerOptionsValidator>());
            services.TryAddSingleton(static provider => RegistryFactory.Create(provider.GetRequiredService<IOptions<PyrometerOptions>>().Value));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CollectCallbackService>());
        }

        if (configuration is not null && registration.Configuration is null)
        {
            registration.Configuration = configuration;
            services.Configure<PyrometerOptions>(options => PyrometerOptionsBinder.Bind(configuration, options));
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new PyrometerBuilder(services, registration.Configuration);
    }

    /// <summary>Gets the setting name <paramref name="property"/> of the options has in messages: its configuration path, or the options type's member.</summary>
    public string SettingName(string property) => SettingNames.Of(Configuration, nameof(PyrometerOptions), property);

    private static PyrometerRegistration? Find(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(PyrometerRegistration) && descriptor.ImplementationInstance is PyrometerRegistration found)
            {
                return found;
            }
        }

        return null;
    }
}
