namespace Pyrometer.Extensions.Hosting.Internal;

/// <summary>The registry <see cref="PyrometerOptions"/> describe.</summary>
internal static class RegistryFactory
{
    public static MetricRegistry Create(PyrometerOptions options) =>
        options.UseDefaultRegistry
            ? MetricRegistry.Default
            : new MetricRegistry(ToRegistryOptions(options));

    public static MetricRegistryOptions ToRegistryOptions(PyrometerOptions options)
    {
        var registryOptions = new MetricRegistryOptions
        {
            ConstLabels = new Dictionary<string, string>(options.ConstLabels, StringComparer.Ordinal),
        };
        if (options.CollectTimeout is { } timeout)
        {
            registryOptions.CollectTimeout = timeout;
        }

        return registryOptions;
    }
}
