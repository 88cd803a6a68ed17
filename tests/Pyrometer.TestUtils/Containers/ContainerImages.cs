namespace Pyrometer.TestUtils;

/// <summary>
/// The images the container fixtures run. By default the ones eng/build-test-images.sh builds from Debian's
/// binaries; a developer with a registry can point the variables at official images instead
/// (<c>PYROMETER_PROMETHEUS_IMAGE=prom/prometheus:v2.42.0</c>, <c>PYROMETER_PUSHGATEWAY_IMAGE=prom/pushgateway:v1.5.1</c>),
/// pulled beforehand since the fixtures never pull.
/// </summary>
public static class ContainerImages
{
    /// <summary>The environment variable that overrides <see cref="Prometheus"/>.</summary>
    public const string PrometheusVariable = "PYROMETER_PROMETHEUS_IMAGE";

    /// <summary>The environment variable that overrides <see cref="Pushgateway"/>.</summary>
    public const string PushgatewayVariable = "PYROMETER_PUSHGATEWAY_IMAGE";

    /// <summary>The Prometheus image: <c>$PYROMETER_PROMETHEUS_IMAGE</c>, else <c>pyrometer-test/prometheus:local</c>.</summary>
    public static string Prometheus => FromEnvironment(PrometheusVariable, "pyrometer-test/prometheus:local");

    /// <summary>The Pushgateway image: <c>$PYROMETER_PUSHGATEWAY_IMAGE</c>, else <c>pyrometer-test/pushgateway:local</c>.</summary>
    public static string Pushgateway => FromEnvironment(PushgatewayVariable, "pyrometer-test/pushgateway:local");

    private static string FromEnvironment(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } image ? image : fallback;
}
