using System.IO.Compression;
using System.Net;
using System.Text;
using Pyrometer.Exposition;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>Answers one request: routing, the concurrency bound, negotiation, collection, compression.</summary>
[SuppressMessage("Reliability", "CA1001", Justification = "The semaphore's wait handle is never created, so there is nothing to dispose; disposing it under waiting requests would fail them.")]
internal sealed class MetricsRequestHandler
{
    private const string TextContentType = "text/plain; charset=utf-8";

    private readonly ServerSettings _settings;
    private readonly SemaphoreSlim _scrapeSlots;

    public MetricsRequestHandler(ServerSettings settings)
    {
        _settings = settings;
        _scrapeSlots = new SemaphoreSlim(settings.MaxConcurrentScrapes, settings.MaxConcurrentScrapes);
    }

    /// <summary>Answers the request and closes the response. Never throws: a failure aborts the connection and is logged.</summary>
    /// <param name="context">The request.</param>
    /// <param name="stopping">Whether the server is stopping, in which case scrapes are answered 503.</param>
    /// <param name="aborted">Cancelled when the server gives up waiting for in-flight requests.</param>
    public async Task HandleAsync(HttpListenerContext context, bool stopping, CancellationToken aborted)
    {
        try
        {
            await RespondAsync(context, stopping, aborted).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception ex)
        {
            Log.ResponseAborted(_settings.Logger, ex);
            try
            {
                context.Response.Abort();
            }
            catch (Exception abortFailure) when (abortFailure is ObjectDisposedException or HttpListenerException or IOException)
            {
                // The connection is already gone.
            }
        }
    }

    private async Task RespondAsync(HttpListenerContext context, bool stopping, CancellationToken aborted)
    {
        var request = context.Request;
        var response = context.Response;
        var isHead = request.HttpMethod == "HEAD";
        if (!_settings.IsMetricsPath(Uri.UnescapeDataString(request.Url!.AbsolutePath)))
        {
            await WriteTextAsync(response, 404, $"Not found: metrics are served at {_settings.Path}", isHead, aborted).ConfigureAwait(false);
            return;
        }

        if (!isHead && request.HttpMethod != "GET")
        {
            response.AddHeader("Allow", "GET, HEAD");
            await WriteTextAsync(response, 405, "Method not allowed: use GET or HEAD", isHead, aborted).ConfigureAwait(false);
            return;
        }

        if (stopping)
        {
            await WriteStoppingAsync(response, isHead).ConfigureAwait(false);
            return;
        }

        bool gotSlot;
        try
        {
            gotSlot = await _scrapeSlots.WaitAsync(_settings.ScrapeQueueTimeout, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            await WriteStoppingAsync(response, isHead).ConfigureAwait(false);
            return;
        }

        if (!gotSlot)
        {
            Log.TooManyScrapes(_settings.Logger, _settings.MaxConcurrentScrapes);
            response.AddHeader("Retry-After", "1");
            await WriteTextAsync(response, 503, "Too many concurrent scrapes; try again later", isHead, aborted).ConfigureAwait(false);
            return;
        }

        try
        {
            await ScrapeAsync(request, response, isHead, aborted).ConfigureAwait(false);
        }
        finally
        {
            _scrapeSlots.Release();
        }
    }

    private async Task ScrapeAsync(HttpListenerRequest request, HttpListenerResponse response, bool isHead, CancellationToken aborted)
    {
        var requested = request.QueryString["format"];
        var format = requested is null ? _settings.Formats.Negotiate(request.Headers["Accept"]) : _settings.Formats.FindByName(requested);
        if (format is null)
        {
            var names = string.Join(", ", _settings.Formats.Select(f => f.Name));
            await WriteTextAsync(response, 400, $"Unknown format '{requested}'; available: {names}", isHead, aborted).ConfigureAwait(false);
            return;
        }

        ResponseBuffer? body = null;
        ResponseBuffer? compressed = null;
        try
        {
            try
            {
                var metrics = await _settings.Registry.CollectAsync(aborted).ConfigureAwait(false);
                body = new ResponseBuffer();
                format.Write(body, metrics);
                if (_settings.EnableCompression && AcceptEncoding.AllowsGzip(request.Headers["Accept-Encoding"]))
                {
                    compressed = Compress(body);
                }
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                await WriteStoppingAsync(response, isHead).ConfigureAwait(false);
                return;
            }
            catch (MetricsCollectionException ex)
            {
                Log.CollectFailed(_settings.Logger, ex);
                await WriteTextAsync(response, 503, "Collecting metrics failed; see the server's log", isHead, aborted).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!aborted.IsCancellationRequested)
            {
                Log.ScrapeFailed(_settings.Logger, ex);
                await WriteTextAsync(response, 500, "Writing metrics failed; see the server's log", isHead, aborted).ConfigureAwait(false);
                return;
            }

            var payload = compressed ?? body;
            response.StatusCode = 200;
            response.ContentType = format.ContentType;
            response.AddHeader("Vary", "Accept, Accept-Encoding");
            if (compressed is not null)
            {
                response.AddHeader("Content-Encoding", "gzip");
            }

            response.ContentLength64 = payload.Length;
            if (!isHead)
            {
                await payload.WriteToAsync(response.OutputStream, aborted).ConfigureAwait(false);
            }
        }
        finally
        {
            compressed?.Dispose();
            body?.Dispose();
        }
    }

    private static ResponseBuffer Compress(ResponseBuffer body)
    {
        var compressed = new ResponseBuffer();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            body.WriteTo(gzip);
        }

        return compressed;
    }

    // Also used when stopping cancels a scrape before its headers are sent: HttpListener's Abort would answer an empty 200.
    private static Task WriteStoppingAsync(HttpListenerResponse response, bool isHead)
    {
        response.KeepAlive = false;
        return WriteTextAsync(response, 503, "The metrics server is stopping", isHead, CancellationToken.None);
    }

    private static async Task WriteTextAsync(HttpListenerResponse response, int statusCode, string message, bool isHead, CancellationToken aborted)
    {
        var bytes = Encoding.UTF8.GetBytes(message + "\n");
        response.StatusCode = statusCode;
        response.ContentType = TextContentType;
        response.ContentLength64 = bytes.Length;
        if (!isHead)
        {
            await response.OutputStream.WriteAsync(bytes.AsMemory(), aborted).ConfigureAwait(false);
        }
    }
}
