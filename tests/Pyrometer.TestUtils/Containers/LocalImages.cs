using Pyrometer.Testing.Containers;

namespace Pyrometer.TestUtils;

/// <summary>
/// The options this project's fixtures start containers with: the images eng/build-test-images.sh builds from
/// Debian's binaries (unless PYROMETER_PROMETHEUS_IMAGE / PYROMETER_PUSHGATEWAY_IMAGE name others), never pulled,
/// since no registry is reachable here. Prepares the process environment (<see cref="TestEnvironment.Configure"/>) first.
/// </summary>
public static class LocalImages
{
    /// <summary>The Prometheus image eng/build-test-images.sh tags.</summary>
    public const string Prometheus = "pyrometer-test/prometheus:local";

    /// <summary>The Pushgateway image eng/build-test-images.sh tags.</summary>
    public const string Pushgateway = "pyrometer-test/pushgateway:local";

    /// <summary>Options for a local Prometheus, with the given feature flags.</summary>
    public static PrometheusContainerOptions PrometheusOptions(bool nativeHistograms = false, bool remoteWriteReceiver = false, bool exemplarStorage = false)
    {
        TestEnvironment.Configure();
        return new PrometheusContainerOptions
        {
            Image = FromEnvironment(ContainerImages.PrometheusVariable, Prometheus),
            PullPolicy = ContainerPullPolicy.Never,
            NativeHistograms = nativeHistograms,
            RemoteWriteReceiver = remoteWriteReceiver,
            ExemplarStorage = exemplarStorage,
        };
    }

    /// <summary>Options for a local Pushgateway.</summary>
    public static PushgatewayContainerOptions PushgatewayOptions()
    {
        TestEnvironment.Configure();
        return new PushgatewayContainerOptions
        {
            Image = FromEnvironment(ContainerImages.PushgatewayVariable, Pushgateway),
            PullPolicy = ContainerPullPolicy.Never,
        };
    }

    private static string FromEnvironment(string variable, string local) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } image ? image : local;
}
