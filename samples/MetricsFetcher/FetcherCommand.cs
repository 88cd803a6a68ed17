using System.CommandLine;

namespace Pyrometer.Samples.MetricsFetcher;

/// <summary>The command line: the options aioprometheus' script takes, plus <c>--timeout</c>.</summary>
internal static class FetcherCommand
{
    public static RootCommand Create()
    {
        var url = new Option<string>("--url")
        {
            Description = "The metrics URL",
            DefaultValueFactory = _ => "http://127.0.0.1:8000/metrics",
        };
        url.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError($"--url must be an absolute http or https URL, not '{value}'.");
            }
        });

        var format = new Option<string?>("--format")
        {
            Description = "Metrics response format: text (0.0.4), openmetrics or binary (protobuf); none: a random one each request",
        };
        format.AcceptOnlyFromAmong(ScrapeFormats.Names);

        var interval = new Option<double?>("--interval")
        {
            Description = "The number of seconds between metrics requests; none: fetch once and exit",
        };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } seconds && !(seconds > 0))
            {
                result.AddError($"--interval must be a positive number of seconds, not {seconds}.");
            }
        });

        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for each complete answer",
            DefaultValueFactory = _ => 10,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var seconds && !(seconds > 0))
            {
                result.AddError($"--timeout must be a positive number of seconds, not {seconds}.");
            }
        });

        var debug = new Option<bool>("--debug") { Description = "Show debug output: request and response headers, timings" };

        var command = new RootCommand(
            "Metrics Fetcher: scrapes a Prometheus metrics endpoint and prints each answer as text (protobuf decoded). "
            + "Exit codes: 0 fetched and parsed, 1 bad command line, 2 connection failed, 3 timeout, 4 HTTP error status, "
            + "5 body does not parse in the format its Content-Type claims.")
        {
            url, format, interval, timeout, debug,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new FetchSettings(
                new Uri(parse.GetRequiredValue(url)),
                parse.GetValue(format) is { } name ? ScrapeFormats.Parse(name) : null,
                parse.GetValue(interval) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                TimeSpan.FromSeconds(parse.GetValue(timeout)),
                parse.GetValue(debug));
            return new Fetcher(settings, Console.Out, Console.Error).RunAsync(cancellationToken);
        });
        return command;
    }
}
