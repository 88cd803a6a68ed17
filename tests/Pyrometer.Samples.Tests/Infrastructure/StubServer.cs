using System.Net;
using Pyrometer.TestUtils;

namespace Pyrometer.Samples.Tests.Infrastructure;

/// <summary>An HTTP server on loopback that answers every request with <paramref name="respond"/>, for answers no metrics server gives.</summary>
internal sealed class StubServer : IAsyncDisposable
{
    // The port is found free and bound a moment later, so another process may take it in between: then another.
    private const int PortAttempts = 5;
    private readonly HttpListener _listener;
    private readonly Task _serving;

    private StubServer(Func<HttpListenerResponse, Task> respond)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
            }
            catch (Exception ex) when ((ex is HttpListenerException or System.Net.Sockets.SocketException) && attempt < PortAttempts)
            {
                listener.Close();
                continue;
            }

            _listener = listener;
            Url = new Uri($"http://127.0.0.1:{port}/metrics");
            break;
        }

        _serving = ServeAsync(respond);
    }

    public Uri Url { get; }

    public static StubServer Start(Func<HttpListenerResponse, Task> respond) => new(respond);

    /// <summary>Answers with a status and a body of the given Content-Type.</summary>
    public static StubServer Answering(int status, string contentType, byte[] body) => new(async response =>
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        await response.OutputStream.WriteAsync(body);
    });

    public async ValueTask DisposeAsync()
    {
        // Close alone: after Stop, Close binds the port again for a moment and fails if another test took it.
        _listener.Close();

        // An accept that started as the listener closed can stay pending for ever; the loop ends with the listener.
        await Task.WhenAny(_serving, Task.Delay(TimeSpan.FromSeconds(1)));
    }

    private async Task ServeAsync(Func<HttpListenerResponse, Task> respond)
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            try
            {
                await respond(context.Response);
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
            {
                // The client gave up (the timeout test) or the listener stopped.
            }
        }
    }
}
