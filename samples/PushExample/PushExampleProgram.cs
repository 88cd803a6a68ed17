using Pyrometer;
using Pyrometer.Transports.Http;
using Pyrometer.Transports.Pushgateway;

namespace PushExample;

/// <summary>The sample's logic, callable in-process by its smoke test.</summary>
public static class PushExampleProgram
{
    /// <summary>The group the sample pushes to: <c>job="push_example"</c>.</summary>
    public const string Job = "push_example";

    /// <summary>Runs the sample; returns the exit code.</summary>
    /// <param name="args"><c>[url] [--delete]</c>: the Pushgateway's address, and whether to delete the group at the end.</param>
    /// <param name="output">Where progress goes.</param>
    /// <param name="error">Where the one-line reason for a failure goes.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var url = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "http://127.0.0.1:9091";
        var delete = args.Contains("--delete");
        try
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint))
            {
                throw new ArgumentException($"'{url}' is not an absolute URL such as http://127.0.0.1:9091");
            }

            // The push example: a counter with a url label, pushed with replace (PUT).
            var registry = new MetricRegistry();
            var requests = registry.CreateCounter("total_requests", "Total requests.", "url");
            var user = requests.WithLabels("/p/user");
            user.Inc();
            using (var pusher = new PushgatewayPusher(new PushgatewayPusherOptions { Endpoint = endpoint, Job = Job, Resilience = Quick() }))
            {
                await pusher.ReplaceAsync(registry);
                output.WriteLine($"pushed total_requests{{url=\"/p/user\"}} {user.Value} to {pusher.GroupUri}");
            }

            // A short batch job pushing every second while it works, and once more when it stops.
            var options = new PeriodicPushgatewayPusherOptions
            {
                Endpoint = endpoint,
                Job = Job,
                Registry = registry,
                Interval = TimeSpan.FromSeconds(1),
                Resilience = Quick(),
                DeleteOnStop = delete,
            };
            await using var periodic = new PeriodicPushgatewayPusher(options);
            await periodic.StartAsync();
            for (var item = 0; item < 5; item++)
            {
                user.Inc();
                await Task.Delay(300);
            }

            await periodic.StopAsync();
            if (periodic.Status.LastError is { } failure)
            {
                throw failure;
            }

            output.WriteLine(delete
                ? $"pushed {periodic.Status.Successes} times, total_requests{{url=\"/p/user\"}} {user.Value}; deleted the group"
                : $"pushed {periodic.Status.Successes} times; the group job=\"{Job}\" holds total_requests{{url=\"/p/user\"}} {user.Value}");
            return 0;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            error.WriteLine($"push_example: push to {url} failed: {OneLine(exception.Message)}");
            return 1;
        }
    }

    // At most 2 attempts of 400 ms and one 200 ms delay: well inside the 1 s interval, and quick to give up.
    private static HttpResilienceOptions Quick() => new()
    {
        MaxRetryAttempts = 1,
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        AttemptTimeout = TimeSpan.FromMilliseconds(400),
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
