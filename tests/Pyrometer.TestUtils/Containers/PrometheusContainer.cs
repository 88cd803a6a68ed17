using System.Globalization;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Pyrometer.TestUtils.Containers.Internal;

namespace Pyrometer.TestUtils;

/// <summary>
/// A real Prometheus server on 127.0.0.1:<see cref="LoopbackContainer.Port"/>, scraping every
/// <see cref="ScrapeInterval"/> whatever targets the tests register with <see cref="AddScrapeTarget(ScrapeTarget)"/>,
/// at any time, so several test classes can share one server through an xunit collection fixture.
/// </summary>
public partial class PrometheusContainer : LoopbackContainer
{
    private readonly TargetFiles _targets = new();
    private readonly ScrapeJobs _jobs;

    /// <summary>A server without feature flags (it asks for the text formats when it scrapes).</summary>
    public PrometheusContainer()
        : this(enableNativeHistograms: false)
    {
    }

    /// <summary>A server that, with <paramref name="enableNativeHistograms"/>, runs with
    /// <c>--enable-feature=native-histograms</c> and so asks for protobuf first when it scrapes.</summary>
    protected PrometheusContainer(bool enableNativeHistograms)
        : this(enableNativeHistograms, enableRemoteWriteReceiver: false)
    {
    }

    /// <summary>A server that, with <paramref name="enableRemoteWriteReceiver"/>, also runs with
    /// <c>--web.enable-remote-write-receiver</c> (and <c>--enable-feature=exemplar-storage</c>, to keep received
    /// exemplars) and so accepts remote write on <c>/api/v1/write</c>.</summary>
    protected PrometheusContainer(bool enableNativeHistograms, bool enableRemoteWriteReceiver)
        : base(ContainerImages.Prometheus)
    {
        NativeHistogramsEnabled = enableNativeHistograms;
        _jobs = new ScrapeJobs(_targets.Folder, ScrapeInterval);
        _jobs.Write();
        RemoteWriteReceiverEnabled = enableRemoteWriteReceiver;
    }

    /// <summary>The scrape interval and timeout of every target: 1 s.</summary>
    public static TimeSpan ScrapeInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the server runs with <c>--enable-feature=native-histograms</c>.</summary>
    public bool NativeHistogramsEnabled { get; }

    /// <summary>Whether the server runs with <c>--web.enable-remote-write-receiver</c>.</summary>
    public bool RemoteWriteReceiverEnabled { get; }

    /// <summary>
    /// Makes the server scrape <c>http://127.0.0.1:{port}{metricsPath}</c> with the given <c>job</c> label until the
    /// returned handle is disposed. Prometheus picks a new target up within about 5 s.
    /// </summary>
    public IDisposable AddScrapeTarget(string job, int port, string metricsPath = "/metrics") =>
        AddScrapeTarget(new ScrapeTarget(job, port) { MetricsPath = metricsPath });

    /// <summary>Makes the server scrape <paramref name="target"/> until the returned handle is disposed.</summary>
    /// <exception cref="ArgumentException">The job is empty, the path does not start with '/', or a label name is invalid or reserved.</exception>
    public IDisposable AddScrapeTarget(ScrapeTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _targets.Add(target);
    }

    /// <summary>
    /// Adds a scrape job of its own (HTTPS, <c>tls_config</c>, <c>basic_auth</c>) and reloads Prometheus; disposing
    /// the handle removes it and reloads again. Prometheus scrapes it from the next interval.
    /// </summary>
    /// <exception cref="ArgumentException">The job is empty or the scheme is neither http nor https.</exception>
    public async Task<IAsyncDisposable> AddScrapeJobAsync(ScrapeJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var id = _jobs.Add(job);
        await ReloadAsync(cancellationToken);
        return new JobRemoval(this, id);
    }

    /// <inheritdoc/>
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _targets.Dispose();
    }

    private protected override IEnumerable<string> Arguments
    {
        get
        {
            yield return $"--config.file={PrometheusConfig.Path}";
            yield return "--storage.tsdb.path=/data";
            yield return "--web.enable-lifecycle";
            yield return string.Create(CultureInfo.InvariantCulture, $"--web.listen-address=127.0.0.1:{Port}");
            if (NativeHistogramsEnabled)
            {
                yield return "--enable-feature=native-histograms";
            }

            if (RemoteWriteReceiverEnabled)
            {
                yield return "--web.enable-remote-write-receiver";
                yield return "--enable-feature=exemplar-storage";
            }
        }
    }

    private protected override ContainerBuilder Configure(ContainerBuilder builder) => builder
        .WithBindMount(_targets.Folder, PrometheusConfig.TargetFolder, AccessMode.ReadOnly);

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        using var response = await Client.PostAsync(new Uri(BaseAddress, "/-/reload"), null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Prometheus refused to reload its config ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private sealed class JobRemoval(PrometheusContainer prometheus, int id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            prometheus._jobs.Remove(id);
            await prometheus.ReloadAsync(CancellationToken.None);
        }
    }
}
