using System.Diagnostics;
using System.Globalization;
using Pyrometer.Testing.Containers.Internal;

namespace Pyrometer.Testing.Containers;

public partial class PrometheusContainer
{
    /// <summary>How long <see cref="WaitForAsync"/> polls by default: 30 s, since a fresh server scrapes nothing for
    /// about 5 s and takes up to 5 s more to apply a new target.</summary>
    public static TimeSpan DefaultWaitTimeout { get; } = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs an instant query (<c>/api/v1/query</c>) and returns its vector (or scalar, as one unlabelled sample).</summary>
    /// <exception cref="InvalidOperationException">Prometheus rejected the query, or it returned a matrix or string.</exception>
    public async Task<IReadOnlyList<PrometheusSample>> QueryAsync(string promql, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(promql);
        var body = await GetApiAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}", cancellationToken).ConfigureAwait(false);
        return PrometheusApiResponse.ParseQuery(promql, body);
    }

    /// <summary>
    /// Runs <paramref name="promql"/> every 250 ms until <paramref name="predicate"/> accepts the result, and returns it.
    /// </summary>
    /// <param name="promql">The instant query.</param>
    /// <param name="predicate">Whether the result is the one awaited.</param>
    /// <param name="timeout">How long to poll; default <see cref="DefaultWaitTimeout"/> (30 s).</param>
    /// <param name="cancellationToken">Stops the polling.</param>
    /// <exception cref="TimeoutException">The result did not satisfy the predicate in time; the message holds the last
    /// result and the health and last error of every target.</exception>
    public async Task<IReadOnlyList<PrometheusSample>> WaitForAsync(
        string promql,
        Func<IReadOnlyList<PrometheusSample>, bool> predicate,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return await PollAsync(
            token => QueryAsync(promql, token),
            predicate,
            timeout ?? DefaultWaitTimeout,
            (limit, samples, token) => DescribeTimeoutAsync($"'{promql}'", limit, samples, token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until <paramref name="promql"/> returns exactly one sample whose value is <paramref name="expected"/>,
    /// and returns that sample. Example: <c>WaitForValueAsync("up{job=\"my-test\"}", 1)</c>.</summary>
    /// <exception cref="TimeoutException">Not so within <paramref name="timeout"/> (default 30 s).</exception>
    public async Task<PrometheusSample> WaitForValueAsync(
        string promql,
        double expected,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var samples = await WaitForAsync(
            promql,
            result => result.Count == 1 && result[0].Value.Equals(expected),
            timeout,
            cancellationToken).ConfigureAwait(false);
        return samples[0];
    }

    /// <summary>Returns the active scrape targets (<c>/api/v1/targets</c>) with their health and last error.</summary>
    public async Task<IReadOnlyList<PrometheusTarget>> GetTargetsAsync(CancellationToken cancellationToken = default)
    {
        var body = await GetApiAsync("api/v1/targets?state=active", cancellationToken).ConfigureAwait(false);
        return PrometheusApiResponse.ParseTargets(body);
    }

    /// <summary>
    /// Reads the active targets every 250 ms until exactly one target of <paramref name="job"/> satisfies
    /// <paramref name="predicate"/>, and returns it. Prometheus reports the health and error of the last scrape only,
    /// and on a busy machine one scrape can overrun its timeout now and then, so wait for a target's state rather than
    /// read it once: <c>WaitForTargetAsync("my-test", t =&gt; t.Health == "down")</c>.
    /// </summary>
    /// <param name="job">The target's <c>job</c> label.</param>
    /// <param name="predicate">Whether the target is as awaited.</param>
    /// <param name="timeout">How long to poll; default <see cref="DefaultWaitTimeout"/> (30 s).</param>
    /// <param name="cancellationToken">Stops the polling.</param>
    /// <exception cref="TimeoutException">Not so in time; the message holds the job's targets as last seen and every
    /// target's health.</exception>
    public async Task<PrometheusTarget> WaitForTargetAsync(
        string job,
        Func<PrometheusTarget, bool> predicate,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        ArgumentNullException.ThrowIfNull(predicate);
        var targets = await PollAsync(
            async token => (IReadOnlyList<PrometheusTarget>)[.. (await GetTargetsAsync(token).ConfigureAwait(false)).Where(target => target.Job == job)],
            found => found.Count == 1 && predicate(found[0]),
            timeout ?? DefaultWaitTimeout,
            (limit, found, token) => DescribeTimeoutAsync($"the target of job '{job}'", limit, found, token),
            cancellationToken).ConfigureAwait(false);
        return targets[0];
    }

    /// <summary>
    /// Returns the label sets of the stored series that match any of <paramref name="matchers"/>
    /// (<c>/api/v1/series?match[]=...</c>, over all stored time), e.g. <c>GetSeriesAsync(["{job=\"my-test\"}"])</c>.
    /// </summary>
    /// <param name="matchers">Series selectors such as <c>up{job="my-test"}</c> or <c>{__name__=~"app_.*"}</c>; at least one.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <exception cref="ArgumentException"><paramref name="matchers"/> is empty or holds an empty selector.</exception>
    /// <exception cref="InvalidOperationException">Prometheus rejected a selector; the message holds its error.</exception>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> GetSeriesAsync(
        IEnumerable<string> matchers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        var selectors = matchers.ToArray();
        if (selectors.Length == 0 || selectors.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("give at least one series selector, none empty", nameof(matchers));
        }

        var query = string.Join("&", selectors.Select(selector => "match[]=" + Uri.EscapeDataString(selector)));
        var body = await GetApiAsync("api/v1/series?" + query, cancellationToken).ConfigureAwait(false);
        return PrometheusApiResponse.ParseSeries(string.Join(", ", selectors), body);
    }

    /// <summary>
    /// Returns the metadata (type, help, unit) Prometheus gathered from its targets (<c>/api/v1/metadata</c>), for
    /// one metric or, when <paramref name="metric"/> is null, all of them. Metadata appears after the first scrape
    /// of a target that exposes the metric.
    /// </summary>
    /// <param name="metric">The metric family's name as exposed in its <c># TYPE</c> line, or a counter's sample name: when
    /// nothing is known under a name ending in <c>_total</c>, the name without it is asked for, since Prometheus keeps
    /// a counter scraped as OpenMetrics (which it asks for first) under its family name without <c>_total</c>
    /// (<see cref="PrometheusMetadata.Metric"/> then says so). Null for every metric.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <exception cref="InvalidOperationException">Prometheus answered with an error.</exception>
    public async Task<IReadOnlyList<PrometheusMetadata>> GetMetadataAsync(string? metric = null, CancellationToken cancellationToken = default)
    {
        const string CounterSuffix = "_total";
        var metadata = await GetMetadataOfAsync(metric, cancellationToken).ConfigureAwait(false);
        return metadata.Count == 0 && metric is { Length: > 6 } && metric.EndsWith(CounterSuffix, StringComparison.Ordinal)
            ? await GetMetadataOfAsync(metric[..^CounterSuffix.Length], cancellationToken).ConfigureAwait(false)
            : metadata;
    }

    private async Task<IReadOnlyList<PrometheusMetadata>> GetMetadataOfAsync(string? metric, CancellationToken cancellationToken)
    {
        var path = metric is null ? "api/v1/metadata" : "api/v1/metadata?metric=" + Uri.EscapeDataString(metric);
        var body = await GetApiAsync(path, cancellationToken).ConfigureAwait(false);
        return PrometheusApiResponse.ParseMetadata(body);
    }

    /// <summary>
    /// Returns the exemplars Prometheus stored for the series <paramref name="selector"/> picks
    /// (<c>/api/v1/query_exemplars</c>), between <paramref name="start"/> and <paramref name="end"/>: all it holds
    /// when they are null. Needs <see cref="PrometheusContainerOptions.ExemplarStorage"/>; a scraped exemplar arrives
    /// only through OpenMetrics or protobuf, which Prometheus asks for first.
    /// </summary>
    /// <param name="selector">A series selector such as <c>app_requests_total{job="my-test"}</c>.</param>
    /// <param name="start">The earliest exemplar timestamp; null for no bound.</param>
    /// <param name="end">The latest exemplar timestamp; null for no bound.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <exception cref="InvalidOperationException">Exemplar storage is off, or Prometheus rejected the selector.</exception>
    public async Task<IReadOnlyList<PrometheusExemplar>> GetExemplarsAsync(
        string selector,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(selector);
        if (!ExemplarStorageEnabled)
        {
            throw new InvalidOperationException("this Prometheus stores no exemplars: set PrometheusContainerOptions.ExemplarStorage.");
        }

        var path = "api/v1/query_exemplars?query=" + Uri.EscapeDataString(selector)
            + (start is { } from ? "&start=" + UnixSeconds(from) : "")
            + (end is { } to ? "&end=" + UnixSeconds(to) : "");
        var body = await GetApiAsync(path, cancellationToken).ConfigureAwait(false);
        return PrometheusApiResponse.ParseExemplars(selector, body);
    }

    /// <summary>
    /// Reads the exemplars of <paramref name="selector"/> every 250 ms until <paramref name="predicate"/> accepts them
    /// (e.g. <c>e =&gt; e.Count &gt; 0</c>), and returns them.
    /// </summary>
    /// <param name="selector">A series selector, as for <see cref="GetExemplarsAsync"/>.</param>
    /// <param name="predicate">Whether the exemplars are the ones awaited.</param>
    /// <param name="timeout">How long to poll; default <see cref="DefaultWaitTimeout"/> (30 s).</param>
    /// <param name="cancellationToken">Stops the polling.</param>
    /// <exception cref="InvalidOperationException">Exemplar storage is off, or Prometheus rejected the selector.</exception>
    /// <exception cref="TimeoutException">The exemplars did not satisfy the predicate in time; the message holds the
    /// last ones and the health of every target.</exception>
    public async Task<IReadOnlyList<PrometheusExemplar>> WaitForExemplarsAsync(
        string selector,
        Func<IReadOnlyList<PrometheusExemplar>, bool> predicate,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return await PollAsync(
            token => GetExemplarsAsync(selector, cancellationToken: token),
            predicate,
            timeout ?? DefaultWaitTimeout,
            (limit, exemplars, token) => DescribeTimeoutAsync($"the exemplars of '{selector}'", limit, exemplars, token),
            cancellationToken).ConfigureAwait(false);
    }

    private static string UnixSeconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<T>> PollAsync<T>(
        Func<CancellationToken, Task<IReadOnlyList<T>>> read,
        Func<IReadOnlyList<T>, bool> predicate,
        TimeSpan limit,
        Func<TimeSpan, IReadOnlyList<T>, CancellationToken, Task<string>> describeTimeout,
        CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var result = await read(cancellationToken).ConfigureAwait(false);
            if (predicate(result))
            {
                return result;
            }

            if (elapsed.Elapsed >= limit)
            {
                throw new TimeoutException(await describeTimeout(limit, result, cancellationToken).ConfigureAwait(false));
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> GetApiAsync(string relativeUri, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync(new Uri(relativeUri, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> DescribeTimeoutAsync<T>(
        string what,
        TimeSpan limit,
        IReadOnlyList<T> result,
        CancellationToken cancellationToken)
    {
        string targets;
        try
        {
            targets = string.Join("; ", await GetTargetsAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
        {
            targets = $"unavailable ({exception.Message})";
        }

        var last = result.Count == 0 ? "empty" : string.Join("; ", result);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{what} did not give the awaited result within {limit.TotalSeconds} s. Last result: {last}. Targets: {(targets.Length == 0 ? "none" : targets)}");
    }
}
