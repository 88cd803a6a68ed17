// A minimal ASP.NET Core app with two routes and Pyrometer's metrics endpoint mapped beside them. It has no
// instrumentation code: ASP.NET Core's own request metrics come through the meter bridge, and the process and
// runtime series from Pyrometer's collectors, each turned on in one line. Ctrl+C stops it.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pyrometer;
using Pyrometer.Exposition;

var port = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("METRICS_PORT") ?? "8000";

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

// http_server_request_duration_seconds{http_route,http_request_method,http_response_status_code,...} and every
// other System.Diagnostics.Metrics instrument; process_* and dotnet_* series, all on the injected registry.
builder.AddPyrometer().AddMeterBridge().AddProcessMetrics().AddRuntimeMetrics();
var app = builder.Build();

app.MapGet("/", () => "Hello from the Pyrometer Kestrel example.\n");
app.MapGet("/work/{milliseconds:int}", async (int milliseconds) =>
{
    await Task.Delay(Math.Clamp(milliseconds, 0, 2000));
    return $"Worked {milliseconds} ms.\n";
});

// Text 0.0.4 (the fallback) and OpenMetrics, plus protobuf for clients that ask for it.
app.MapPyrometerMetrics(configure: o => o.Formats = new ExpositionFormatCollection().AddTextFormats().AddProtobufFormat());

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"Serving prometheus metrics on: {address}/metrics");
await app.WaitForShutdownAsync();
Console.WriteLine("Stopped.");
