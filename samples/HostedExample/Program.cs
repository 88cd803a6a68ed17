// A worker service doing simulated jobs, instrumented with Pyrometer and serving its metrics with the HttpListener
// server, everything configured in appsettings.json. Ctrl+C (or SIGTERM) stops it: the host stops the worker, then
// the server, within its shutdown timeout.
using HostedExample;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pyrometer;
using Pyrometer.Transports.HttpListener;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    // appsettings.json is copied beside the program, so it is found whatever directory it is run from.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddPyrometer()              // Pyrometer: the registry and its const labels
    .AddCollectCallback<UptimeCallback>()
    .AddHttpListenerServer();       // Pyrometer:HttpListener
builder.Services.AddHostedService<JobWorker>();

using var host = builder.Build();
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"Serving prometheus metrics on: {host.Services.GetRequiredService<HttpListenerMetricsServer>().MetricsUrl}"));

await host.RunAsync();
