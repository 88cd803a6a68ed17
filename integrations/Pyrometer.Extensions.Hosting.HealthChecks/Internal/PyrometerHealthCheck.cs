using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pyrometer.Extensions.Hosting.HealthChecks.Internal;

/// <summary>Healthy when every registered <see cref="IPyrometerHealthSource"/> is.</summary>
internal sealed class PyrometerHealthCheck(IEnumerable<IPyrometerHealthSource> sources) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var unhealthy = new List<string>();
        foreach (var source in sources)
        {
            var report = source.GetHealth();
            data[source.Name] = report.Description;
            if (!report.IsHealthy)
            {
                unhealthy.Add($"{source.Name}: {report.Description}");
            }
        }

        var result = unhealthy.Count == 0
            ? HealthCheckResult.Healthy(data.Count == 0 ? "No Pyrometer components are hosted." : "Every Pyrometer component works.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, string.Join(" ", unhealthy), data: data);
        return Task.FromResult(result);
    }
}
