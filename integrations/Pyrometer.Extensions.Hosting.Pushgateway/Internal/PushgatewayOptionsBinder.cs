using Microsoft.Extensions.Configuration;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Transports.Http;
using Pyrometer.Transports.Pushgateway;

namespace Pyrometer.Extensions.Hosting.Pushgateway.Internal;

/// <summary>
/// Binds the settings of <see cref="PeriodicPushgatewayPusherOptions"/> (with its nested <c>Http</c> and
/// <c>Resilience</c> sections) and of <see cref="PushgatewayHostingOptions"/> that configuration can hold.
/// </summary>
internal static class PushgatewayOptionsBinder
{
    public static void Bind(IConfiguration section, PeriodicPushgatewayPusherOptions options)
    {
        var read = new SettingReader<PeriodicPushgatewayPusherOptions>(section);
        read.AbsoluteUri(nameof(options.Endpoint), value => options.Endpoint = value);
        read.String(nameof(options.Job), value => options.Job = value);
        read.Pairs(nameof(options.GroupingKey), (name, value) => options.GroupingKey[name] = value);
        read.Boolean(nameof(options.Gzip), value => options.Gzip = value);
        read.TimeSpan(nameof(options.Interval), value => options.Interval = value);
        read.Enum<PushMethod>(nameof(options.Method), value => options.Method = value);
        read.Boolean(nameof(options.PushOnStop), value => options.PushOnStop = value);
        read.Boolean(nameof(options.DeleteOnStop), value => options.DeleteOnStop = value);
        read.TimeSpan(nameof(options.StopTimeout), value => options.StopTimeout = value);
        read.Boolean(nameof(options.ExposeStatusMetrics), value => options.ExposeStatusMetrics = value);
        BindHttp(read.Child(nameof(options.Http)), options.Http);
        BindResilience(read.Child(nameof(options.Resilience)), options.Resilience);
    }

    public static void Bind(IConfiguration section, PushgatewayHostingOptions options) =>
        new SettingReader<PushgatewayHostingOptions>(section).Int32(nameof(options.UnhealthyAfterFailures), value => options.UnhealthyAfterFailures = value);

    private static void BindHttp(SettingReader<PeriodicPushgatewayPusherOptions> read, HttpEndpointOptions http)
    {
        read.Pairs(nameof(http.Headers), (name, value) => http.Headers[name] = value);
        read.String(nameof(http.Username), value => http.Username = value);
        read.String(nameof(http.Password), value => http.Password = value);
        read.String(nameof(http.BearerToken), value => http.BearerToken = value);
    }

    private static void BindResilience(SettingReader<PeriodicPushgatewayPusherOptions> read, HttpResilienceOptions resilience)
    {
        read.Int32(nameof(resilience.MaxRetryAttempts), value => resilience.MaxRetryAttempts = value);
        read.TimeSpan(nameof(resilience.BaseDelay), value => resilience.BaseDelay = value);
        read.TimeSpan(nameof(resilience.MaxDelay), value => resilience.MaxDelay = value);
        read.Boolean(nameof(resilience.UseJitter), value => resilience.UseJitter = value);
        read.TimeSpan(nameof(resilience.AttemptTimeout), value => resilience.AttemptTimeout = value);
        read.Boolean(nameof(resilience.CircuitBreakerEnabled), value => resilience.CircuitBreakerEnabled = value);
        read.Double(nameof(resilience.FailureRatio), value => resilience.FailureRatio = value);
        read.Int32(nameof(resilience.MinimumThroughput), value => resilience.MinimumThroughput = value);
        read.TimeSpan(nameof(resilience.SamplingDuration), value => resilience.SamplingDuration = value);
        read.TimeSpan(nameof(resilience.BreakDuration), value => resilience.BreakDuration = value);
    }
}
