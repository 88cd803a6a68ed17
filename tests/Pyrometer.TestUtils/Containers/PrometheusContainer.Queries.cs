using System.Diagnostics;
using System.Globalization;
using Pyrometer.TestUtils.Containers.Internal;

namespace Pyrometer.TestUtils;

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
        var uri = new Uri($"api/v1/query?query={Uri.EscapeDataString(promql)}", UriKind.Relative);
        using var response = await Client.GetAsync(uri, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
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
        var limit = timeout ?? DefaultWaitTimeout;
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var samples = await QueryAsync(promql, cancellationToken);
            if (predicate(samples))
            {
                return samples;
            }

            if (elapsed.Elapsed >= limit)
            {
                throw new TimeoutException(await DescribeTimeoutAsync(promql, limit, samples, cancellationToken));
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
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
            cancellationToken);
        return samples[0];
    }

    /// <summary>Returns the active scrape targets (<c>/api/v1/targets</c>) with their health and last error.</summary>
    public async Task<IReadOnlyList<PrometheusTarget>> GetTargetsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Client.GetAsync(new Uri("api/v1/targets?state=active", UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return PrometheusApiResponse.ParseTargets(body);
    }

    private async Task<string> DescribeTimeoutAsync(
        string promql,
        TimeSpan limit,
        IReadOnlyList<PrometheusSample> samples,
        CancellationToken cancellationToken)
    {
        string targets;
        try
        {
            targets = string.Join("; ", await GetTargetsAsync(cancellationToken));
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
        {
            targets = $"unavailable ({exception.Message})";
        }

        var result = samples.Count == 0 ? "empty" : string.Join("; ", samples);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"'{promql}' did not give the awaited result within {limit.TotalSeconds} s. Last result: {result}. Targets: {(targets.Length == 0 ? "none" : targets)}");
    }
}
