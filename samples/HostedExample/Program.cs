// A worker service doing simulated jobs, instrumented with Pyrometer and serving its metrics with the HttpListener
// server, everything configured in appsettings.json; with Pyrometer:Pushgateway:Endpoint set (empty by default) it
// also pushes them to that Pushgateway. Ctrl+C (or SIGTERM) stops it: the host stops the worker, then the server
// and the pusher (whose final push lands the last values), within its shutdown timeout.
using HostedExample;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pyrometer;
using Pyrometer.Transports.HttpListener;
using Pyrometer.Transports.Pushgateway;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    // appsettings.json is copied beside the program, so it is found whatever directory it is run from.
    ContentRootPath = AppContext.BaseDirectory,
});
var pyrometer = builder.AddPyrometer()  // Pyrometer: the registry and its const labels
    .AddCollectCallback<UptimeCallback>()
    .AddHttpListenerServer();           // Pyrometer:HttpListener
var push = !string.IsNullOrEmpty(builder.Configuration["Pyrometer:Pushgateway:Endpoint"]);
if (push)
{
    pyrometer.AddPushgateway();         // Pyrometer:Pushgateway
}

builder.Services.AddHostedService<JobWorker>();

using var host = builder.Build();
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
lifetime.ApplicationStarted.Register(() =>
{
    Console.WriteLine($"Serving prometheus metrics on: {host.Services.GetRequiredService<HttpListenerMetricsServer>().MetricsUrl}");
    if (push)
    {
        Console.WriteLine($"Pushing metrics to: {host.Services.GetRequiredService<PeriodicPushgatewayPusher>().GroupUri}");
    }
});

await host.RunAsync();
