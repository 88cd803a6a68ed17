using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Pyrometer.Exposition;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Samples;

/// <summary>
/// What the decorator examples share, in the part of aioprometheus' <c>Service</c> they use: serves
/// <see cref="MetricRegistry.Default"/> on 127.0.0.1 (text 0.0.4, OpenMetrics and protobuf) at the port given as the
/// first argument, 8000 by default, prints <c>Serving prometheus metrics on: URL</c>, and cancels
/// <see cref="Stopping"/> on Ctrl+C (SIGINT) or SIGTERM. Disposing it stops the server and prints <c>Stopped.</c>.
/// SimpleExample shows the same steps written out.
/// </summary>
internal sealed class ExampleServer : IAsyncDisposable
{
    private readonly HttpListenerMetricsServer _server;
    private readonly CancellationTokenSource _stopping = new();
    private readonly PosixSignalRegistration _onInterrupt;
    private readonly PosixSignalRegistration _onTerminate;

    private ExampleServer(int port)
    {
        _server = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions
        {
            Port = port,
            Formats = new ExpositionFormatCollection().AddTextFormats().AddProtobufFormat(),
        });
        _onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Cancelled when the user presses Ctrl+C or the process is sent SIGTERM.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts serving, or writes why the port argument is wrong to stderr and returns null.</summary>
    public static async Task<ExampleServer?> StartAsync(string[] args)
    {
        var port = 8000;
        if (args.Length > 0 && !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
        {
            await Console.Error.WriteLineAsync($"The port (first argument) must be a number from 0 to 65535, not '{args[0]}'.");
            return null;
        }

        var server = new ExampleServer(port);
        try
        {
            await server._server.StartAsync();
        }
        catch (HttpListenerException ex)
        {
            await Console.Error.WriteLineAsync($"Cannot serve metrics on port {port}: {ex.Message}");
            await server.DisposeAsync();
            return null;
        }

        Console.WriteLine($"Serving prometheus metrics on: {server._server.MetricsUrl}");
        return server;
    }

    /// <summary>Stops the server and prints <c>Stopped.</c>.</summary>
    public async ValueTask DisposeAsync()
    {
        _onInterrupt.Dispose();
        _onTerminate.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
        _stopping.Dispose();
        Console.WriteLine("Stopped.");
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stopping.Cancel();
    }
}
