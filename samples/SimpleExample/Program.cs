// aioprometheus' simple example: a counter incremented every second, served for Prometheus to scrape until Ctrl+C.
//
//   dotnet run --project samples/SimpleExample          (port 8000; pass another as the first argument, 0 = any)
//   Serving prometheus metrics on: http://127.0.0.1:8000/metrics
//
//   curl http://127.0.0.1:8000/metrics
//   # HELP events_total Number of events.
//   # TYPE events_total counter
//   events_total{host="alpha",kind="timer_expiry"} 33
//
//   curl -H 'Accept: application/openmetrics-text' http://127.0.0.1:8000/metrics
//   # TYPE events counter
//   # HELP events Number of events.
//   events_total{host="alpha",kind="timer_expiry"} 36
//   events_created{host="alpha",kind="timer_expiry"} 1764020743.08
//   # EOF
//
//   curl -H 'Accept: application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited' http://127.0.0.1:8000/metrics
//   (binary; `dotnet run --project samples/MetricsFetcher -- --format binary` prints it as text)
//
// aioprometheus names the counter "events"; here it is "events_total", because Prometheus' naming rules end a
// counter's name in _total (promtool check metrics flags one that does not, and OpenMetrics requires its samples
// to). OpenMetrics shows the family as "events", as aioprometheus does.
using System.Globalization;
using System.Runtime.InteropServices;
using Pyrometer;
using Pyrometer.Exposition;
using Pyrometer.Transports.HttpListener;

var port = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("METRICS_PORT") ?? "8000";

var events = MetricRegistry.Default.CreateCounter("events_total", "Number of events.", new CounterOptions
{
    ConstLabels = new Dictionary<string, string> { ["host"] = Environment.MachineName },
    // Declared, so the counter shows no series without it (before the first tick).
    LabelNames = ["kind"],
});
var timerExpiry = new Labels { ["kind"] = "timer_expiry" };

using var stopping = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var server = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions
{
    Port = int.Parse(port, CultureInfo.InvariantCulture),
    // Text 0.0.4 (the fallback) and OpenMetrics, plus protobuf for clients that ask for it.
    Formats = new ExpositionFormatCollection().AddTextFormats().AddProtobufFormat(),
});
await server.StartAsync();
Console.WriteLine($"Serving prometheus metrics on: {server.MetricsUrl}");

using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
try
{
    while (await timer.WaitForNextTickAsync(stopping.Token))
    {
        events.Inc(timerExpiry);
    }
}
catch (OperationCanceledException)
{
}

await server.StopAsync();
Console.WriteLine("Stopped.");

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
