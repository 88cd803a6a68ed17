using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Polly;
using Pyrometer.Transports.Http;

namespace Pyrometer.Transports.RemoteWrite;

/// <summary>
/// Settings of a <see cref="RemoteWriteSender"/>. Plain settable properties, so they bind from configuration;
/// validated (<see cref="Validate"/>) when the sender is built.
/// </summary>
public sealed class RemoteWriteSenderOptions
{
    /// <summary>The headers remote write 1.0 requires, which <see cref="Http"/> may not set.</summary>
    internal static readonly string[] ReservedHeaders = ["X-Prometheus-Remote-Write-Version", "User-Agent"];

    /// <summary>
    /// Gets or sets the receiver's write address, e.g. <c>http://127.0.0.1:9090/api/v1/write</c> for a Prometheus
    /// started with <c>--web.enable-remote-write-receiver</c>. Required.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the registry sent. Default: <see cref="MetricRegistry.Default"/>.</summary>
    public MetricRegistry? Registry { get; set; }

    /// <summary>
    /// Gets or sets labels added to every series, e.g. <c>job</c> and <c>instance</c> (what a scrape would add).
    /// Names follow <c>[a-zA-Z_][a-zA-Z0-9_]*</c> and do not start with <c>__</c>; values are not empty. A metric
    /// carrying one of these labels itself is rejected when sent. Default: none.
    /// </summary>
    public IDictionary<string, string> ExternalLabels { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the time from one collection to the next, at least 10 ms. Default: 15 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Gets or sets the most series in one request, 1 to 100 000: <c>TimeSeries</c> entries, each holding one sample
    /// (with its exemplar, if any) or one native histogram, or a native histogram's new exemplars (see
    /// <see cref="SendExemplars"/>). Default: 2000.
    /// </summary>
    public int MaxSeriesPerRequest { get; set; } = 2000;

    /// <summary>
    /// Gets or sets whether exemplars are sent, each with its labels, value and timestamp (milliseconds), in the
    /// <c>exemplars</c> field of its series: a counter's on the counter's series, a classic histogram bucket's on
    /// that <c>_bucket</c> series, and a native histogram's (for a histogram with classic buckets too, those of its
    /// buckets) in an entry of their own under the native series' labels, right after its histogram sample. Each
    /// exemplar is sent once, in the first collection after it was recorded, and not again while the series keeps
    /// it; a request that is dropped from the full queue or rejected loses its exemplars with its samples.
    /// Prometheus stores received exemplars only when started with <c>--enable-feature=exemplar-storage</c>.
    /// Default: false (no exemplar is sent).
    /// </summary>
    public bool SendExemplars { get; set; }

    /// <summary>
    /// Gets or sets how many unsent requests are kept while the receiver cannot take them, at least 1; when full,
    /// the oldest is dropped and counted in <c>pyrometer_remote_write_dropped_requests_total</c>. Default: 100.
    /// </summary>
    public int MaxQueuedRequests { get; set; } = 100;

    /// <summary>Gets or sets the longest the final collection and flush of the queue may take when stopping. Default: 5 s.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets extra headers (e.g. <c>X-Scope-OrgID</c>) and credentials (basic authentication or a bearer token) for every request.</summary>
    public HttpEndpointOptions Http { get; set; } = new();

    /// <summary>Gets or sets retry, timeout and circuit-breaker settings; unused when <see cref="Pipeline"/> is set.</summary>
    public HttpResilienceOptions Resilience { get; set; } = new();

    /// <summary>Gets or sets a pipeline of the user's own to send through instead of the one built from <see cref="Resilience"/>. Default: null.</summary>
    public ResiliencePipeline<HttpResponseMessage>? Pipeline { get; set; }

    /// <summary>Gets or sets the clock for the interval, timestamps, retries, timeouts and the breaker. Default: <see cref="System.TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets where log messages go. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ValidationException">A setting is missing or invalid; the message names it and what to change.</exception>
    public void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ValidationException($"{nameof(Endpoint)} is '{Endpoint}': set the receiver's absolute http or https write address, e.g. http://127.0.0.1:9090/api/v1/write.");
        }

        ValidateExternalLabels();
        Require(Interval >= TimeSpan.FromMilliseconds(10), $"{nameof(Interval)} is {Interval} but must be at least 10 ms.");
        Require(MaxSeriesPerRequest is >= 1 and <= 100_000, $"{nameof(MaxSeriesPerRequest)} is {MaxSeriesPerRequest} but must be 1 to 100000.");
        Require(MaxQueuedRequests >= 1, $"{nameof(MaxQueuedRequests)} is {MaxQueuedRequests} but must be at least 1.");
        Require(StopTimeout > TimeSpan.Zero, $"{nameof(StopTimeout)} is {StopTimeout} but must be positive.");
        (Http ?? throw new ValidationException($"{nameof(Http)} is null.")).Validate(nameof(Http), ReservedHeaders);
        if (Pipeline is null)
        {
            (Resilience ?? throw new ValidationException($"{nameof(Resilience)} is null: set it, or a {nameof(Pipeline)}.")).Validate(nameof(Resilience));
        }
    }

    private void ValidateExternalLabels()
    {
        if (ExternalLabels is null)
        {
            throw new ValidationException($"{nameof(ExternalLabels)} is null: leave it empty instead.");
        }

        var registryLabels = (Registry ?? MetricRegistry.Default).ConstLabels;
        foreach (var label in ExternalLabels)
        {
            if (!IsLabelName(label.Key) || label.Key.StartsWith("__", StringComparison.Ordinal))
            {
                throw new ValidationException($"{nameof(ExternalLabels)} label name '{label.Key}' is invalid: use [a-zA-Z_][a-zA-Z0-9_]* not starting with '__'.");
            }

            if (string.IsNullOrEmpty(label.Value))
            {
                throw new ValidationException($"{nameof(ExternalLabels)}['{label.Key}'] is empty: remote write sends no empty label values; remove the label instead.");
            }

            if (registryLabels.Any(l => string.Equals(l.Key, label.Key, StringComparison.Ordinal)))
            {
                throw new ValidationException($"{nameof(ExternalLabels)} names '{label.Key}', which is also a const label of the registry: remove one of them.");
            }
        }
    }

    private static bool IsLabelName(string name)
    {
        if (string.IsNullOrEmpty(name) || name[0] is >= '0' and <= '9')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ValidationException(message);
        }
    }
}
