// aioprometheus' application example: an application class that owns its registry and metrics server and
// updates its metrics every second from real readings of this machine (memory, per-core CPU) and from simulated
// requests, until Ctrl+C.
//
//   dotnet run --project samples/AppExample             (port 8000; pass another as the first argument, 0 = any)
//   Serving prometheus metrics on: http://127.0.0.1:8000/metrics
//
//   curl http://127.0.0.1:8000/metrics
//   # HELP cpu_usage_percent CPU usage percent.
//   # TYPE cpu_usage_percent gauge
//   cpu_usage_percent{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",core="0"} 7.07
//   cpu_usage_percent{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",core="1"} 3.03
//   # HELP memory_usage_bytes Memory usage in bytes.
//   # TYPE memory_usage_bytes gauge
//   memory_usage_bytes{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",type="virtual"} 1.491275776e+09
//   memory_usage_bytes{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",type="swap"} 0
//   # HELP request_latency_seconds Request latency in seconds
//   # TYPE request_latency_seconds histogram
//   request_latency_seconds_bucket{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/data",le="0.1"} 0
//   request_latency_seconds_bucket{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/data",le="0.5"} 0
//   request_latency_seconds_bucket{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/data",le="1"} 0
//   request_latency_seconds_bucket{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/data",le="5"} 3
//   request_latency_seconds_bucket{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/data",le="+Inf"} 3
//   request_latency_seconds_sum{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/data"} 12.94967796104589
//   request_latency_seconds_count{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/data"} 3
//   # HELP request_payload_size_bytes Request payload size in bytes.
//   # TYPE request_payload_size_bytes summary
//   request_payload_size_bytes{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/data",quantile="0.5"} 621.7080715301345
//   request_payload_size_bytes{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/data",quantile="0.99"} 621.7080715301345
//   request_payload_size_bytes_sum{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/data"} 1106.9381994699593
//   request_payload_size_bytes_count{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/data"} 3
//   # HELP requests_total Number of requests.
//   # TYPE requests_total counter
//   requests_total{app="ExampleApp-0f8b1d3c9e2a4b7f8c5d6e1a2b3c4d5e",host="alpha",path="/"} 3
//
// Families and labels come sorted by name (const labels first); aioprometheus' example names the counter
// "requests", but Prometheus' naming rules end a counter's name in _total. The cpu_usage_percent series are per
// core on Linux (from /proc/stat) and one series core="all" elsewhere (see CpuUsage.cs).
// `dotnet run --project samples/MetricsFetcher` scrapes it as Prometheus would (in a random format each time).
using System.Globalization;
using System.Runtime.InteropServices;
using Pyrometer.Samples.AppExample;

var port = 8000;
if (args.Length > 0 && !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
{
    Console.Error.WriteLine($"The port (first argument) must be a number from 0 to 65535, not '{args[0]}'.");
    return 2;
}

var stopping = new TaskCompletionSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var app = new ExampleApp(metricsPort: port);
await app.StartAsync();
Console.WriteLine($"Serving prometheus metrics on: {app.MetricsUrl}");

await stopping.Task;
await app.StopAsync();
Console.WriteLine("Stopped.");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.TrySetResult();
}
