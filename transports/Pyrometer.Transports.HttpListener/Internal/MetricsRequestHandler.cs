using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.IO;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>Answers one request: routing, the concurrency bound, negotiation, collection, compression.</summary>
[SuppressMessage("Reliability", "CA1001", Justification = "The semaphore's wait handle is never created, so there is nothing to dispose; disposing it under waiting requests would fail them.")]
internal sealed class MetricsRequestHandler
{
    private const string TextContentType = "text/plain; charset=utf-8";
    private const string StoppingMessage = "The metrics server is stopping";

    private readonly ServerSettings _settings;
    private readonly SemaphoreSlim _scrapeSlots;

    public MetricsRequestHandler(ServerSettings settings)
    {
        _settings = settings;
        _scrapeSlots = new SemaphoreSlim(settings.MaxConcurrentScrapes, settings.MaxConcurrentScrapes);
    }

    /// <summary>
    /// Answers 503 for a request whose handler has not started writing, from outside the handler. HttpListener
    /// would otherwise answer an empty 200 when the connection is closed under it.
    /// </summary>
    public static void AnswerStopping(PendingRequest pending)
    {
        var bytes = Encoding.UTF8.GetBytes(StoppingMessage + "\n");
        var response = pending.Response;
        response.StatusCode = 503;
        response.ContentType = TextContentType;
        response.KeepAlive = false;
        response.ContentLength64 = bytes.Length;
        if (!pending.IsHead)
        {
            response.OutputStream.Write(bytes, 0, bytes.Length);
        }

        response.Close();
    }

    /// <summary>Answers the request and closes the response. Never throws: a failure aborts the connection and is logged.</summary>
    /// <param name="pending">The request.</param>
    /// <param name="stopping">Whether the server is stopping, in which case scrapes are answered 503.</param>
    /// <param name="aborted">Cancelled when the server gives up waiting for in-flight requests.</param>
    public async Task HandleAsync(PendingRequest pending, bool stopping, CancellationToken aborted)
    {
        try
        {
            await RespondAsync(pending, stopping, aborted).ConfigureAwait(false);
            if (!pending.AnsweredByServer)
            {
                pending.Response.Close();
            }
        }
        catch (Exception ex) when (!pending.AnsweredByServer)
        {
            Log.ResponseAborted(_settings.Logger, ex);
            try
            {
                pending.Response.Abort();
            }
            catch (Exception abortFailure) when (abortFailure is ObjectDisposedException or HttpListenerException or IOException)
            {
                // The connection is already gone.
            }
        }
        catch (Exception)
        {
            // The server answered in this handler's place and closed the connection, which is what failed here.
        }
    }

    private async Task RespondAsync(PendingRequest pending, bool stopping, CancellationToken aborted)
    {
        var request = pending.Context.Request;
        if (!_settings.IsMetricsPath(Uri.UnescapeDataString(request.Url!.AbsolutePath)))
        {
            await WriteTextAsync(pending, 404, $"Not found: metrics are served at {_settings.Path}", aborted).ConfigureAwait(false);
            return;
        }

        if (!pending.IsHead && request.HttpMethod != "GET")
        {
            await WriteTextAsync(pending, 405, "Method not allowed: use GET or HEAD", aborted, ("Allow", "GET, HEAD")).ConfigureAwait(false);
            return;
        }

        if (stopping)
        {
            await WriteStoppingAsync(pending).ConfigureAwait(false);
            return;
        }

        using var deadline = ScrapeDeadline.Start(request.Headers[ScrapeDeadline.HeaderName], aborted);
        bool gotSlot;
        try
        {
            gotSlot = await _scrapeSlots.WaitAsync(_settings.ScrapeQueueTimeout, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.Token.IsCancellationRequested)
        {
            await WriteCancelledAsync(pending, deadline, aborted).ConfigureAwait(false);
            return;
        }

        if (!gotSlot)
        {
            Log.TooManyScrapes(_settings.Logger, _settings.MaxConcurrentScrapes);
            await WriteTextAsync(pending, 503, "Too many concurrent scrapes; try again later", aborted, ("Retry-After", "1")).ConfigureAwait(false);
            return;
        }

        try
        {
            // A client that stops reading would hold the slot for as long as the write waits: cut it off at its deadline.
            using var cutOff = deadline.IsClientDeadline ? deadline.Token.Register(static state => ((PendingRequest)state!).AbortIfHandlerWriting(), pending) : default;
            await ScrapeAsync(pending, deadline, aborted).ConfigureAwait(false);
        }
        finally
        {
            _scrapeSlots.Release();
        }
    }

    private async Task WriteCancelledAsync(PendingRequest pending, ScrapeDeadline deadline, CancellationToken aborted)
    {
        if (aborted.IsCancellationRequested)
        {
            await WriteStoppingAsync(pending).ConfigureAwait(false);
            return;
        }

        var seconds = deadline.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        Log.DeadlinePassed(_settings.Logger, seconds);
        await WriteTextAsync(pending, 503, $"The scrape's deadline passed ({ScrapeDeadline.HeaderName}: {seconds})", CancellationToken.None, closeConnection: true).ConfigureAwait(false);
    }

    private async Task ScrapeAsync(PendingRequest pending, ScrapeDeadline deadline, CancellationToken aborted)
    {
        var request = pending.Context.Request;
        var requested = request.QueryString["format"];
        var format = requested is null ? _settings.Formats.Negotiate(request.Headers["Accept"]) : _settings.Formats.FindByName(requested);
        if (format is null)
        {
            var names = string.Join(", ", _settings.Formats.Select(f => f.Name));
            await WriteTextAsync(pending, 400, $"Unknown format '{requested}'; available: {names}", aborted).ConfigureAwait(false);
            return;
        }

        // The body is buffered whole, in pooled blocks, so the response carries a Content-Length and a failure while
        // writing still becomes a clean 500.
        RecyclableMemoryStream? body = null;
        RecyclableMemoryStream? compressed = null;
        try
        {
            try
            {
                var metrics = await _settings.Registry.CollectAsync(deadline.Token).ConfigureAwait(false);
                body = _settings.Buffers.Rent();
                format.Write(body, metrics);
                if (_settings.EnableCompression && AcceptEncoding.AllowsGzip(request.Headers["Accept-Encoding"]))
                {
                    compressed = _settings.Buffers.Compress(body);
                    body.Dispose();
                    body = null;
                }
            }
            catch (OperationCanceledException) when (deadline.Token.IsCancellationRequested)
            {
                await WriteCancelledAsync(pending, deadline, aborted).ConfigureAwait(false);
                return;
            }
            catch (MetricsCollectionException ex)
            {
                Log.CollectFailed(_settings.Logger, ex);
                await WriteTextAsync(pending, 503, "Collecting metrics failed; see the server's log", aborted).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!aborted.IsCancellationRequested)
            {
                Log.ScrapeFailed(_settings.Logger, ex);
                await WriteTextAsync(pending, 500, "Writing metrics failed; see the server's log", aborted).ConfigureAwait(false);
                return;
            }

            if (!pending.TakeForHandler())
            {
                return;
            }

            var payload = compressed ?? body!;
            var response = pending.Response;
            response.StatusCode = 200;
            response.ContentType = format.ContentType;
            response.AddHeader("Vary", "Accept, Accept-Encoding");
            if (compressed is not null)
            {
                response.AddHeader("Content-Encoding", "gzip");
            }

            response.ContentLength64 = payload.Length;
            if (!pending.IsHead)
            {
                // Not a loop of small writes: on Linux, a short write after a partial one waits for the client's
                // delayed ACK (Nagle), which added 40 ms to scrapes of 36 KB to 83 KB bodies written in 32 KiB pieces.
                // Not one write of any size either: the managed HttpListener copies a first write whole into the
                // MemoryStream that holds the headers. ResponseBodyWriter explains the split that avoids both.
                await ResponseBodyWriter.WriteAsync(response.OutputStream, payload.GetReadOnlySequence(), aborted).ConfigureAwait(false);
            }
        }
        finally
        {
            compressed?.Dispose();
            body?.Dispose();
        }
    }

    private static Task WriteStoppingAsync(PendingRequest pending) =>
        WriteTextAsync(pending, 503, StoppingMessage, CancellationToken.None, closeConnection: true);

    private static async Task WriteTextAsync(
        PendingRequest pending,
        int statusCode,
        string message,
        CancellationToken aborted,
        (string Name, string Value)? header = null,
        bool closeConnection = false)
    {
        if (!pending.TakeForHandler())
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(message + "\n");
        var response = pending.Response;
        response.StatusCode = statusCode;
        response.ContentType = TextContentType;
        if (header is var (name, value))
        {
            response.AddHeader(name, value);
        }

        if (closeConnection)
        {
            response.KeepAlive = false;
        }

        response.ContentLength64 = bytes.Length;
        if (!pending.IsHead)
        {
            await response.OutputStream.WriteAsync(bytes.AsMemory(), aborted).ConfigureAwait(false);
        }
    }
}
