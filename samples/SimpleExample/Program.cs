// A counter incremented every second, served for Prometheus to scrape until Ctrl+C.
using System.Globalization;
using System.Runtime.InteropServices;
using Pyrometer;
using Pyrometer.Exposition;
using Pyrometer.Transports.HttpListener;

var port = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("METRICS_PORT") ?? "8000";

var events = MetricRegistry.Default.CreateCounter("events_total", "Number of events.", new CounterOptions
{
    ConstLabels = new Dictionary<string, string> { ["host"] = Environment.MachineName },
});

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
        events.Inc();
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
