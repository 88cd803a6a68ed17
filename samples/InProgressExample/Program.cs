// aioprometheus' @inprogress decorator example: a gauge counting the requests in progress on route "/", raised
// while a handler awaits a random delay (0 to 1 s), served for Prometheus to scrape until Ctrl+C.
//
//   dotnet run --project samples/InProgressExample      (port 8000; pass another as the first argument, 0 = any)
//   Serving prometheus metrics on: http://127.0.0.1:8000/metrics
//
//   curl http://127.0.0.1:8000/metrics
//   # HELP request_in_progress Number of requests in progress
//   # TYPE request_in_progress gauge
//   request_in_progress{route="/"} 1
//
// ExampleServer (samples/Shared/ExampleServer.cs) serves MetricRegistry.Default as aioprometheus' Service does and
// turns Ctrl+C into server.Stopping.
using Pyrometer;
using Pyrometer.Samples;

// A metric to track requests currently in progress, and its series for route "/".
var requests = MetricRegistry.Default.CreateGauge("request_in_progress", "Number of requests in progress", "route");
var rootRoute = requests.WithLabels(new Labels { ["route"] = "/" });

await using var server = await ExampleServer.StartAsync(args);
if (server is null)
{
    return 2;
}

// Generate some requests; each raises the gauge while it runs, as @inprogress(REQUESTS, {'route': '/'}) does.
try
{
    while (true)
    {
        await rootRoute.TrackInProgressAsync(() => HandleRequestAsync(Random.Shared.NextDouble(), server.Stopping));
    }
}
catch (OperationCanceledException)
{
}

return 0;

// A dummy handler that takes some time.
static Task HandleRequestAsync(double seconds, CancellationToken cancellationToken) =>
    Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
