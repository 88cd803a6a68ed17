using Pyrometer;
using Pyrometer.Transports.Http;
using Pyrometer.Transports.RemoteWrite;

namespace RemoteWriteExample;

/// <summary>The sample's logic, callable in-process by its smoke test.</summary>
public static class RemoteWriteExampleProgram
{
    /// <summary>The <c>job</c> external label of every series the sample sends.</summary>
    public const string Job = "remote_write_example";

    /// <summary>How many items the job processes.</summary>
    public const int Items = 12;

    /// <summary>Runs the sample; returns the exit code.</summary>
    /// <param name="args"><c>[url]</c>: the receiver's write address.</param>
    /// <param name="output">Where progress goes.</param>
    /// <param name="error">Where the one-line reason for a failure goes.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var url = args.FirstOrDefault() ?? "http://127.0.0.1:9090/api/v1/write";
        try
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint))
            {
                throw new ArgumentException($"'{url}' is not an absolute URL such as http://127.0.0.1:9090/api/v1/write");
            }

            var registry = new MetricRegistry();
            var items = registry.CreateCounter("remote_write_example_items_total", "Items the job processed, by outcome.", "outcome");
            var duration = registry.CreateHistogram("remote_write_example_item_duration_seconds", "How long each item took.", new HistogramOptions { Buckets = [0.05, 0.1, 0.25] });
            items.WithLabels("ok");
            items.WithLabels("failed");
            var options = new RemoteWriteSenderOptions
            {
                Endpoint = endpoint,
                Registry = registry,
                Interval = TimeSpan.FromSeconds(1),
                StopTimeout = TimeSpan.FromSeconds(3),
                ExternalLabels = { ["job"] = Job, ["instance"] = Environment.MachineName },
                Resilience = Quick(),
            };

            long queued;
            long lost;
            await using (var sender = new RemoteWriteSender(options))
            {
                await sender.StartAsync();
                for (var item = 1; item <= Items; item++)
                {
                    var took = 0.02 * (item % 5);
                    await Task.Delay(TimeSpan.FromSeconds(took) + TimeSpan.FromMilliseconds(100));
                    duration.Observe(took);
                    items.WithLabels(item % 4 == 0 ? "failed" : "ok").Inc();
                }

                // Stopping collects once more and sends everything still queued: the final values arrive before exit.
                await sender.StopAsync();
                queued = sender.QueuedRequests;
                lost = sender.DroppedRequests + sender.RejectedRequests;
            }

            if (queued > 0 || lost > 0)
            {
                throw new InvalidOperationException(
                    $"{queued} requests unsent and {lost} dropped or rejected; is the receiver running (Prometheus: --web.enable-remote-write-receiver)?");
            }

            output.WriteLine($"sent {Items} items (ok {items.WithLabels("ok").Value}, failed {items.WithLabels("failed").Value}) to {endpoint} with job=\"{Job}\"");
            return 0;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            error.WriteLine($"remote_write_example: remote write to {url} failed: {OneLine(exception.Message)}");
            return 1;
        }
    }

    // At most 2 attempts of 500 ms and one 200 ms delay, so the job gives up within seconds when nobody listens.
    private static HttpResilienceOptions Quick() => new()
    {
        MaxRetryAttempts = 1,
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        AttemptTimeout = TimeSpan.FromMilliseconds(500),
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
