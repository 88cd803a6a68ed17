using Pyrometer.Exposition;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Samples.AppExample;

/// <summary>
/// An application that collects metrics about itself and serves them, as aioprometheus' <c>ExampleApp</c> does:
/// every second it reads this machine's memory and per-core CPU use and simulates a request (counted, with a random
/// payload size and latency).
/// </summary>
internal sealed class ExampleApp : IAsyncDisposable
{
    private readonly MetricRegistry _registry = new();
    private readonly HttpListenerMetricsServer _server;
    private readonly Counter _requests;
    private readonly Gauge _memory;
    private readonly Gauge _cpu;
    private readonly Summary _payloadSize;
    private readonly Histogram _latency;
    private readonly CpuUsage _cpuUsage = new();
    private CancellationTokenSource? _stopping;
    private Task _updates = Task.CompletedTask;

    /// <summary>Creates the metrics and the server that will expose them (not started yet).</summary>
    public ExampleApp(string metricsHost = "127.0.0.1", int metricsPort = 0)
    {
        // The server exposes this app's own registry, where the collectors below are registered as they are created.
        _server = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions
        {
            Host = metricsHost,
            Port = metricsPort,
            Registry = _registry,
            Formats = new ExpositionFormatCollection().AddTextFormats().AddProtobufFormat(),
        });

        // Constant labels added to every series of every metric.
        var constLabels = new Labels
        {
            ["host"] = Environment.MachineName,
            ["app"] = $"{GetType().Name}-{Guid.NewGuid():N}",
        };

        // Each metric declares the label it is updated with, so it shows no series until the first update
        // (a metric without label names would show an unlabelled series before). Named requests_total, not
        // requests: Prometheus' naming rules end a counter's name in _total.
        _requests = _registry.CreateCounter("requests_total", "Number of requests.", new CounterOptions { ConstLabels = constLabels, LabelNames = ["path"] });
        _memory = _registry.CreateGauge("memory_usage_bytes", "Memory usage in bytes.", new GaugeOptions { ConstLabels = constLabels, LabelNames = ["type"] });
        _cpu = _registry.CreateGauge("cpu_usage_percent", "CPU usage percent.", new GaugeOptions { ConstLabels = constLabels, LabelNames = ["core"] });
        _payloadSize = _registry.CreateSummary("request_payload_size_bytes", "Request payload size in bytes.", new SummaryOptions
        {
            ConstLabels = constLabels,
            LabelNames = ["path"],
            Quantiles = [new QuantileTarget(0.50, 0.05), new QuantileTarget(0.99, 0.001)],
        });
        _latency = _registry.CreateHistogram("request_latency_seconds", "Request latency in seconds", new HistogramOptions
        {
            ConstLabels = constLabels,
            LabelNames = ["path"],
            Buckets = [0.1, 0.5, 1.0, 5.0],
        });
    }

    /// <summary>Gets the URL the metrics are served at, once started.</summary>
    public Uri? MetricsUrl => _server.MetricsUrl;

    /// <summary>Starts the metrics server and the once-a-second updates.</summary>
    public async Task StartAsync()
    {
        await _server.StartAsync();
        _cpuUsage.Sample(); // the first reading, which the first update's CPU percentages are measured from
        _stopping = new CancellationTokenSource();
        _updates = UpdateEverySecondAsync(_stopping.Token);
    }

    /// <summary>Stops the updates and the metrics server.</summary>
    public async Task StopAsync()
    {
        if (_stopping is { } stopping)
        {
            await stopping.CancelAsync();
            await _updates;
            stopping.Dispose();
            _stopping = null;
        }

        await _server.StopAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _server.DisposeAsync();
    }

    private async Task UpdateEverySecondAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                Update();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // What aioprometheus' on_timer_expiry does: real readings, then a simulated request.
    private void Update()
    {
        var memory = MemoryUsage.Read();
        _memory.Set(new Labels { ["type"] = "virtual" }, memory.UsedBytes);
        if (memory.SwapUsedBytes is { } swap)
        {
            _memory.Set(new Labels { ["type"] = "swap" }, swap);
        }

        foreach (var (core, percent) in _cpuUsage.Sample())
        {
            _cpu.Set(new Labels { ["core"] = core }, percent);
        }

        // Emulate a web server: count a request, observe its payload size and its latency.
        _requests.Inc(new Labels { ["path"] = "/" });
        _payloadSize.Observe(new Labels { ["path"] = "/data" }, Random.Shared.NextDouble() * 1024);
        _latency.Observe(new Labels { ["path"] = "/data" }, Random.Shared.NextDouble() * 5);
    }
}
