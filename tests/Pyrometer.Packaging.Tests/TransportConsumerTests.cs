using System.Diagnostics;
using Pyrometer.Packaging.Tests.Infrastructure;

namespace Pyrometer.Packaging.Tests;

// What an app that takes one transport gets: a fresh consumer of only that packed package is restored, its closure
// checked for packages it must not bring, and built from code a user would write. The HttpListener consumer also
// runs and is scraped over loopback.
public sealed class TransportConsumerTests : IDisposable
{
    private const string HttpListenerProgram = """
        using Pyrometer;
        using Pyrometer.Transports.HttpListener;

        var registry = new MetricRegistry();
        registry.CreateCounter("consumer_requests_total", "Requests.").Add(3);
        await using var server = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions { Port = 0, Registry = registry });
        await server.StartAsync();
        Console.WriteLine($"Serving prometheus metrics on: {server.MetricsUrl}");
        // Serves until the test closes standard input.
        await Console.In.ReadToEndAsync();
        await server.StopAsync();
        """;

    private const string PushgatewayProgram = """
        using Pyrometer.Transports.Pushgateway;

        using var pusher = new PushgatewayPusher(new PushgatewayPusherOptions { Endpoint = new Uri("http://127.0.0.1:9091/"), Job = "consumer" });
        Console.WriteLine(pusher.GetType().Name);
        """;

    private const string KestrelProgram = """
        using Pyrometer.Transports.Kestrel;

        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions { Port = 0 });
        Console.WriteLine(server.IsRunning);
        """;

    private const string HostingProgram = """
        using Microsoft.Extensions.DependencyInjection;
        using Pyrometer;

        // The package alone (an app brings its host): the registrations land in a plain service list.
        var services = new Services();
        services.AddPyrometer().AddHttpListenerServer(options => options.Port = 0);
        Console.WriteLine(services.Count);

        internal sealed class Services : List<ServiceDescriptor>, IServiceCollection;
        """;

    private const string TextLibrary = """
        using System.IO;
        using Pyrometer;
        using Pyrometer.Exposition;

        namespace Consumer
        {
            public static class Exposition
            {
                public static ExpositionFormatCollection Formats() => new ExpositionFormatCollection().AddTextFormats();

                public static MetricRegistry Registry()
                {
                    var registry = new MetricRegistry();
                    registry.CreateGauge("consumer_queue_length", "Queued items.").Set(4);
                    return registry;
                }
            }
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("pyrometer-transport-consumer-").FullName;

    public static TheoryData<string, string[], string> Consumers => new()
    {
        { "Pyrometer.Transports.HttpListener", [PackagePatterns.AspNetCore, PackagePatterns.Polly, PackagePatterns.Protobuf], HttpListenerProgram },
        { "Pyrometer.Transports.Pushgateway", [PackagePatterns.AspNetCore, PackagePatterns.Protobuf], PushgatewayProgram },
        { "Pyrometer.Transports.Kestrel", [PackagePatterns.Polly, PackagePatterns.Protobuf], KestrelProgram },
        { "Pyrometer.Extensions.Hosting.HttpListener", [PackagePatterns.AspNetCore, PackagePatterns.Polly, PackagePatterns.Protobuf], HostingProgram },
    };

    [Theory]
    [MemberData(nameof(Consumers))]
    public async Task Build_AppReferencingOnePackage_ClosureHoldsNothingForbiddenAndBuilds(string id, string[] forbidden, string program)
    {
        var consumer = await CreateAppAsync(id, program);

        var graph = await consumer.RestoreAsync();
        await consumer.BuildAsync();

        Assert.Contains(id, graph.Packages["net10.0"]);
        var found = PackagePatterns.Forbidden(graph, forbidden);
        Assert.True(found.Count == 0, $"A consumer of {id} alone brings {string.Join(", ", found)}.");
    }

    [Fact]
    public async Task Run_HttpListenerConsumer_ServesItsCounterOverLoopback()
    {
        var consumer = await CreateAppAsync("Pyrometer.Transports.HttpListener", HttpListenerProgram);
        await consumer.RestoreAsync();
        await consumer.BuildAsync();

        var start = new ProcessStartInfo("dotnet", [Path.Combine(consumer.Directory, "bin", "Release", "net10.0", "Consumer.dll")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.NotNull(line);
            Assert.StartsWith("Serving prometheus metrics on: http://127.0.0.1:", line, StringComparison.Ordinal);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

            var text = await client.GetStringAsync(new Uri(line["Serving prometheus metrics on: ".Length..]));

            Assert.Contains("# TYPE consumer_requests_total counter\nconsumer_requests_total 3\n", text, StringComparison.Ordinal);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Fact]
    public async Task Build_NetStandardLibraryOnCoreAndText_BuildsWithNothingElse()
    {
        var consumer = await ConsumerProject.CreateAsync(
            Path.Combine(_directory, "text-library"),
            "netstandard2.0",
            ["Pyrometer.Core", "Pyrometer.Formats.Text"],
            "<LangVersion>7.3</LangVersion><Nullable>disable</Nullable><ImplicitUsings>disable</ImplicitUsings>",
            new Dictionary<string, string> { ["Exposition.cs"] = TextLibrary });

        var graph = await consumer.RestoreAsync();
        await consumer.BuildAsync();

        var found = PackagePatterns.Forbidden(graph, [PackagePatterns.AspNetCore, PackagePatterns.Polly, PackagePatterns.Protobuf, PackagePatterns.AnyTransport]);
        Assert.True(found.Count == 0, $"A netstandard2.0 library on Core and the text format brings {string.Join(", ", found)}.");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<ConsumerProject> CreateAppAsync(string id, string program) =>
        ConsumerProject.CreateAsync(
            Path.Combine(_directory, id),
            "net10.0",
            [id],
            "<OutputType>Exe</OutputType>",
            new Dictionary<string, string> { ["Program.cs"] = program });
}
