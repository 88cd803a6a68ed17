// A minimal ASP.NET Core app with two routes, a request counter and a latency histogram (classic buckets and
// native ones), and Pyrometer's metrics endpoint mapped beside its routes. Ctrl+C stops it.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pyrometer;
using Pyrometer.Exposition;

var port = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("METRICS_PORT") ?? "8000";

var requests = MetricRegistry.Default.CreateCounter("http_requests_total", "HTTP requests served.", "route", "code");
var latency = MetricRegistry.Default.CreateHistogram("http_request_duration_seconds", "Time to serve a request.", new HistogramOptions
{
    LabelNames = ["route"],
    Unit = "seconds",
    Buckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
    Native = new NativeHistogramOptions(),
});

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var app = builder.Build();

// Counts and times every request to the app's own routes (not the scrapes).
app.Use(async (context, next) =>
{
    var started = Stopwatch.GetTimestamp();
    await next(context);
    if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route } && route != "/metrics")
    {
        requests.WithLabels(route, context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        latency.WithLabels(route).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
});

app.MapGet("/", () => "Hello from the Pyrometer Kestrel example.\n");
app.MapGet("/work/{milliseconds:int}", async (int milliseconds) =>
{
    await Task.Delay(Math.Clamp(milliseconds, 0, 2000));
    return $"Worked {milliseconds} ms.\n";
});

// Text 0.0.4 (the fallback) and OpenMetrics, plus protobuf for clients that ask for it (native histograms).
app.MapPyrometerMetrics(configure: o => o.Formats = new ExpositionFormatCollection().AddTextFormats().AddProtobufFormat());

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"Serving prometheus metrics on: {address}/metrics");
await app.WaitForShutdownAsync();
