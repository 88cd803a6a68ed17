using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pyrometer.Extensions.Hosting.Internal;

/// <summary>
/// Registers a transport's options the way every hosting package does: read from its section, the code's
/// <c>configure</c> after it, the registry and logger factory filled from DI, checked by a validator naming the
/// settings, at start. Hosting packages link this file (the hosting package compiles it too, unused). A package
/// with more than one options type (the Pushgateway's pusher and hosting options) calls it once for each.
/// </summary>
internal static class TransportOptionsRegistration
{
    public static void Add<
#if NET
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
#endif
        TOptions>(
        IServiceCollection services,
        IConfiguration? section,
        Action<IConfiguration, TOptions> bind,
        Action<TOptions>? configure,
        Action<TOptions, IServiceProvider>? fillFromServices,
        IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        var options = services.AddOptions<TOptions>();
        if (section is not null)
        {
            options.Configure(o => bind(section, o));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (fillFromServices is not null)
        {
            options.PostConfigure(fillFromServices);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(validator));
    }
}
