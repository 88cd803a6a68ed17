using System.Globalization;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Pyrometer.Testing.Containers.Internal;

namespace Pyrometer.Testing.Containers;

// LoopbackContainer's constructor is private protected (its abstract members are internal), so the analyzer sees
// this public constructor opening a closed base; the base exposes no protected member, so nothing escapes review.
#pragma warning disable RS0022
/// <summary>
/// A real Prometheus server on 127.0.0.1:<see cref="LoopbackContainer.Port"/>, scraping every
/// <see cref="ScrapeInterval"/> whatever targets on this host the tests register with
/// <see cref="AddScrapeTarget(ScrapeTarget)"/>, at any time, so many tests can share one server.
/// </summary>
/// <remarks>
/// <code>
/// await using var prometheus = new PrometheusContainer();
/// await prometheus.StartAsync();
/// using var target = prometheus.AddScrapeTarget("my-test", port: 9464);
/// await prometheus.WaitForValueAsync("up{job=\"my-test\"}", 1);
/// </code>
/// Derive from it to make a test framework's fixture (xunit: add <c>IAsyncLifetime</c> calling
/// <see cref="LoopbackContainer.StartAsync"/> and <see cref="LoopbackContainer.DisposeAsync"/>).
/// </remarks>
public partial class PrometheusContainer : LoopbackContainer
{
    private static readonly TimeSpan MinScrapeInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxScrapeInterval = TimeSpan.FromHours(1);
    private readonly TargetFiles _targets;
    private readonly ScrapeJobs _jobs;

    /// <summary>A server with the default <see cref="PrometheusContainerOptions"/>: the default image, no feature flags,
    /// a 1 s scrape interval. It starts in <see cref="LoopbackContainer.StartAsync"/>.</summary>
    public PrometheusContainer()
        : this(new PrometheusContainerOptions())
    {
    }

    /// <summary>A server run as <paramref name="options"/> say; it starts in <see cref="LoopbackContainer.StartAsync"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public PrometheusContainer(PrometheusContainerOptions options)
        : base(Checked(options), ContainerImages.PrometheusVariable, ContainerImages.Prometheus)
    {
        NativeHistogramsEnabled = options.NativeHistograms;
        RemoteWriteReceiverEnabled = options.RemoteWriteReceiver;
        ExemplarStorageEnabled = options.ExemplarStorage;
        ScrapeInterval = options.ScrapeInterval;
        _targets = new TargetFiles();
        _jobs = new ScrapeJobs(_targets.Folder, ScrapeInterval);
        _jobs.Write();
    }

    /// <summary>The scrape interval and timeout of every target (<see cref="PrometheusContainerOptions.ScrapeInterval"/>).</summary>
    public TimeSpan ScrapeInterval { get; }

    /// <summary>Whether the server runs with <c>--enable-feature=native-histograms</c>.</summary>
    public bool NativeHistogramsEnabled { get; }

    /// <summary>Whether the server runs with <c>--web.enable-remote-write-receiver</c>.</summary>
    public bool RemoteWriteReceiverEnabled { get; }

    /// <summary>Whether the server runs with <c>--enable-feature=exemplar-storage</c>.</summary>
    public bool ExemplarStorageEnabled { get; }

    /// <summary>The remote write receiver's address, <c>http://127.0.0.1:{Port}/api/v1/write</c>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="PrometheusContainerOptions.RemoteWriteReceiver"/> is off.</exception>
    public Uri RemoteWriteEndpoint => RemoteWriteReceiverEnabled
        ? new Uri(BaseAddress, "api/v1/write")
        : throw new InvalidOperationException("this Prometheus does not receive remote write: set PrometheusContainerOptions.RemoteWriteReceiver.");

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
        await ReloadAsync(cancellationToken).ConfigureAwait(false);
        return new JobRemoval(this, id);
    }

    /// <inheritdoc/>
    private protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore().ConfigureAwait(false);
        _targets.Dispose();
    }

    private static PrometheusContainerOptions Checked(PrometheusContainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ScrapeInterval < MinScrapeInterval || options.ScrapeInterval > MaxScrapeInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ScrapeInterval, "PrometheusContainerOptions.ScrapeInterval must be from 10 ms to 1 h.");
        }

        return options;
    }

    private protected override IEnumerable<string> Arguments
    {
        get
        {
            yield return $"--config.file={PrometheusConfig.Path}";
            // The storage stays at its default, data/ below the image's working directory, which the image's user can write.
            yield return "--web.enable-lifecycle";
            yield return string.Create(CultureInfo.InvariantCulture, $"--web.listen-address=127.0.0.1:{Port}");
            if (NativeHistogramsEnabled)
            {
                yield return "--enable-feature=native-histograms";
            }

            if (RemoteWriteReceiverEnabled)
            {
                yield return "--web.enable-remote-write-receiver";
            }

            if (ExemplarStorageEnabled)
            {
                yield return "--enable-feature=exemplar-storage";
            }
        }
    }

    private protected override ContainerBuilder Configure(ContainerBuilder builder) => builder
        .WithBindMount(_targets.Folder, PrometheusConfig.TargetFolder, AccessMode.ReadOnly);

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        using var response = await Client.PostAsync(new Uri(BaseAddress, "/-/reload"), null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Prometheus refused to reload its config ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
    }

    private sealed class JobRemoval(PrometheusContainer prometheus, int id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            prometheus._jobs.Remove(id);
            await prometheus.ReloadAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
#pragma warning restore RS0022
