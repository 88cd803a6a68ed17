namespace Pyrometer.Testing.Containers;

/// <summary>
/// The images the container fixtures run when their options name none: the image in the environment variable if it
/// is set, else the official one. The official tags are the releases this package is tested against (the same
/// versions as Debian 12's <c>prometheus</c> and <c>prometheus-pushgateway</c> packages).
/// </summary>
public static class ContainerImages
{
    /// <summary>The environment variable that names the default Prometheus image: <c>PYROMETER_PROMETHEUS_IMAGE</c>.</summary>
    public const string PrometheusVariable = "PYROMETER_PROMETHEUS_IMAGE";

    /// <summary>The environment variable that names the default Pushgateway image: <c>PYROMETER_PUSHGATEWAY_IMAGE</c>.</summary>
    public const string PushgatewayVariable = "PYROMETER_PUSHGATEWAY_IMAGE";

    /// <summary>The official Prometheus image: <c>prom/prometheus:v2.42.0</c>.</summary>
    public const string OfficialPrometheus = "prom/prometheus:v2.42.0";

    /// <summary>The official Pushgateway image: <c>prom/pushgateway:v1.5.1</c>.</summary>
    public const string OfficialPushgateway = "prom/pushgateway:v1.5.1";

    /// <summary>The default Prometheus image: <c>$PYROMETER_PROMETHEUS_IMAGE</c>, else <see cref="OfficialPrometheus"/>.</summary>
    public static string Prometheus => FromEnvironment(PrometheusVariable, OfficialPrometheus);

    /// <summary>The default Pushgateway image: <c>$PYROMETER_PUSHGATEWAY_IMAGE</c>, else <see cref="OfficialPushgateway"/>.</summary>
    public static string Pushgateway => FromEnvironment(PushgatewayVariable, OfficialPushgateway);

    private static string FromEnvironment(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } image ? image : fallback;
}
