// aioprometheus' @count_exceptions decorator example: a counter of the exceptions a handler throws on route "/"
// (it throws when its random draw is below 0.3, else awaits that many seconds), served for Prometheus to scrape
// until Ctrl+C (once is enough: the loop stops between requests).
//
//   dotnet run --project samples/CountExceptionsExample (port 8000; pass another as the first argument, 0 = any)
//   Serving prometheus metrics on: http://127.0.0.1:8000/metrics
//
//   curl http://127.0.0.1:8000/metrics
//   # HELP request_handler_exceptions_total Number of exceptions in requests
//   # TYPE request_handler_exceptions_total counter
//   request_handler_exceptions_total{route="/"} 3
//
// aioprometheus names the counter request_handler_exceptions; here it is request_handler_exceptions_total, because
// Prometheus' naming rules end a counter's name in _total (promtool check metrics flags one that does not, and
// OpenMetrics requires its samples to). OpenMetrics shows the family as request_handler_exceptions, as in the guide.
//
// ExampleServer (samples/Shared/ExampleServer.cs) serves MetricRegistry.Default as aioprometheus' Service does and
// turns Ctrl+C into server.Stopping.
using Pyrometer;
using Pyrometer.Samples;

// A metric to count the exceptions requests throw, and its series for route "/".
var exceptions = MetricRegistry.Default.CreateCounter("request_handler_exceptions_total", "Number of exceptions in requests", "route");
var rootRoute = exceptions.WithLabels(new Labels { ["route"] = "/" });

await using var server = await ExampleServer.StartAsync(args);
if (server is null)
{
    return 2;
}

// Generate some requests; an exception one throws is counted, as @count_exceptions(REQUESTS, {'route': '/'})
// does, and then dropped so the loop keeps handling.
while (!server.Stopping.IsCancellationRequested)
{
    try
    {
        await rootRoute.CountExceptionsAsync(
            () => HandleRequestAsync(Random.Shared.NextDouble(), server.Stopping),
            filter: ex => ex is not OperationCanceledException);
    }
    catch (OperationCanceledException)
    {
    }
    catch (InvalidOperationException)
    {
        // Counted; keep handling.
    }
}

return 0;

// A dummy handler that occasionally throws.
static async Task HandleRequestAsync(double duration, CancellationToken cancellationToken)
{
    if (duration < 0.3)
    {
        throw new InvalidOperationException("Ooops");
    }

    await Task.Delay(TimeSpan.FromSeconds(duration), cancellationToken);
}
