// aioprometheus' @timer decorator example: a summary timing a handler that awaits a random delay (0 to 1 s),
// called over and over, served for Prometheus to scrape until Ctrl+C.
//
//   dotnet run --project samples/TimerExample           (port 8000; pass another as the first argument, 0 = any)
//   Serving prometheus metrics on: http://127.0.0.1:8000/metrics
//
//   curl http://127.0.0.1:8000/metrics
//   # HELP request_processing_seconds Time spent processing request
//   # TYPE request_processing_seconds summary
//   request_processing_seconds{quantile="0.5"} 0.4901825
//   request_processing_seconds{quantile="0.9"} 0.8932518
//   request_processing_seconds{quantile="0.99"} 0.9882771
//   request_processing_seconds_sum 38.19072341918945
//   request_processing_seconds_count 77
//
// ExampleServer (samples/Shared/ExampleServer.cs) serves MetricRegistry.Default as aioprometheus' Service does and
// turns Ctrl+C into server.Stopping.
using Pyrometer;
using Pyrometer.Samples;

// A metric to track time spent and requests made.
var requestTime = MetricRegistry.Default.CreateSummary("request_processing_seconds", "Time spent processing request");

await using var server = await ExampleServer.StartAsync(args);
if (server is null)
{
    return 2;
}

// Generate some requests; each is timed into the summary, as @timer(REQUEST_TIME) does.
try
{
    while (true)
    {
        await requestTime.TimeAsync(() => HandleRequestAsync(Random.Shared.NextDouble(), server.Stopping));
    }
}
catch (OperationCanceledException)
{
}

return 0;

// A dummy handler that takes some time.
static Task HandleRequestAsync(double seconds, CancellationToken cancellationToken) =>
    Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
