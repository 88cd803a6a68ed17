using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.IO;

namespace Pyrometer.Transports;

/// <summary>
/// What a scrape request gets, whatever the transport: routing, credentials, GET/HEAD, the concurrency bound, the
/// client's deadline, format negotiation, collection, gzip and the status of every failure. A transport hands each
/// request over as an <see cref="IScrapeExchange"/> and keeps only its own connection handling.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "The semaphore's wait handle is never created, so there is nothing to dispose; disposing it under waiting requests would fail them.")]
internal sealed class ScrapeResponder
{
    /// <summary>The content type of every status message.</summary>
    public const string TextContentType = "text/plain; charset=utf-8";

    /// <summary>The body of the 503 a stopping server answers.</summary>
    public const string StoppingMessage = "The metrics server is stopping";

    private readonly ScrapeSettings _settings;
    private readonly string? _path;
    private readonly SemaphoreSlim _scrapeSlots;

    /// <param name="settings">How scrapes are answered.</param>
    /// <param name="path">The normalised metrics path other paths get 404 for, or null when the transport routed the request already.</param>
    public ScrapeResponder(ScrapeSettings settings, string? path)
    {
        _settings = settings;
        _path = path;
        _scrapeSlots = new SemaphoreSlim(settings.MaxConcurrentScrapes, settings.MaxConcurrentScrapes);
    }

    public ScrapeSettings Settings => _settings;

    /// <summary>Answers a request. A failure to send (the client went away) is thrown for the transport to handle.</summary>
    /// <param name="exchange">The request and its response.</param>
    /// <param name="stopping">Whether the server is stopping, in which case scrapes are answered 503.</param>
    /// <param name="aborted">Cancelled when the transport gives up on the request (server abort, client gone).</param>
    public async Task RespondAsync<TExchange>(TExchange exchange, bool stopping, CancellationToken aborted)
        where TExchange : IScrapeExchange
    {
        if (_path is not null && !MetricsPath.Matches(_path, exchange.Path))
        {
            await WriteTextAsync(exchange, 404, $"Not found: metrics are served at {_path}", aborted).ConfigureAwait(false);
            return;
        }

        if (_settings.Credentials is { } credentials && !credentials.Accepts(exchange.Header("Authorization"), out var reason))
        {
            credentials.Refusals.Refused(reason!);
            await WriteTextAsync(exchange, 401, "Unauthorized: this metrics endpoint needs credentials", aborted, ("WWW-Authenticate", credentials.Challenge)).ConfigureAwait(false);
            return;
        }

        var isHead = IsHead(exchange);
        if (!isHead && exchange.Method != "GET")
        {
            await WriteTextAsync(exchange, 405, "Method not allowed: use GET or HEAD", aborted, ("Allow", "GET, HEAD")).ConfigureAwait(false);
            return;
        }

        if (stopping)
        {
            await WriteStoppingAsync(exchange).ConfigureAwait(false);
            return;
        }

        using var deadline = ScrapeDeadline.Start(exchange.Header(ScrapeDeadline.HeaderName), aborted);
        bool gotSlot;
        try
        {
            gotSlot = await _scrapeSlots.WaitAsync(_settings.ScrapeQueueTimeout, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.Token.IsCancellationRequested)
        {
            await WriteCancelledAsync(exchange, deadline, aborted).ConfigureAwait(false);
            return;
        }

        if (!gotSlot)
        {
            ScrapeLog.TooManyScrapes(_settings.Logger, _settings.MaxConcurrentScrapes);
            await WriteTextAsync(exchange, 503, "Too many concurrent scrapes; try again later", aborted, ("Retry-After", "1")).ConfigureAwait(false);
            return;
        }

        try
        {
            // A client that stops reading would hold the slot for as long as the write waits: cut it off at its deadline.
            using var cutOff = deadline.IsClientDeadline ? exchange.AbortWhenCancelled(deadline.Token) : default;
            await ScrapeAsync(exchange, deadline, aborted).ConfigureAwait(false);
        }
        finally
        {
            _scrapeSlots.Release();
        }
    }

    private static bool IsHead<TExchange>(TExchange exchange)
        where TExchange : IScrapeExchange => exchange.Method == "HEAD";

    private async Task ScrapeAsync<TExchange>(TExchange exchange, ScrapeDeadline deadline, CancellationToken aborted)
        where TExchange : IScrapeExchange
    {
        var requested = exchange.Query("format");
        var format = requested is null ? _settings.Formats.Negotiate(exchange.Header("Accept")) : _settings.Formats.FindByName(requested);
        if (format is null)
        {
            var names = string.Join(", ", _settings.Formats.Select(f => f.Name));
            await WriteTextAsync(exchange, 400, $"Unknown format '{requested}'; available: {names}", aborted).ConfigureAwait(false);
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
                if (_settings.EnableCompression && AcceptEncoding.AllowsGzip(exchange.Header("Accept-Encoding")))
                {
                    compressed = _settings.Buffers.Compress(body);
                    body.Dispose();
                    body = null;
                }
            }
            catch (OperationCanceledException) when (deadline.Token.IsCancellationRequested)
            {
                await WriteCancelledAsync(exchange, deadline, aborted).ConfigureAwait(false);
                return;
            }
            catch (MetricsCollectionException ex)
            {
                ScrapeLog.CollectFailed(_settings.Logger, ex);
                await WriteTextAsync(exchange, 503, "Collecting metrics failed; see the server's log", aborted).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (!aborted.IsCancellationRequested)
            {
                ScrapeLog.ScrapeFailed(_settings.Logger, ex);
                await WriteTextAsync(exchange, 500, "Writing metrics failed; see the server's log", aborted).ConfigureAwait(false);
                return;
            }

            // Writing the body does not watch the token: a deadline that passed meanwhile is answered here, before
            // anything is sent, as one that passed while collecting is.
            if (deadline.HasPassed)
            {
                await WriteCancelledAsync(exchange, deadline, aborted).ConfigureAwait(false);
                return;
            }

            if (!exchange.TryTakeResponse())
            {
                return;
            }

            var payload = compressed ?? body!;
            exchange.Start(200, format.ContentType, payload.Length);
            exchange.AddHeader("Vary", "Accept, Accept-Encoding");
            if (compressed is not null)
            {
                exchange.AddHeader("Content-Encoding", "gzip");
            }

            if (!IsHead(exchange))
            {
                await exchange.WriteAsync(payload.GetReadOnlySequence(), aborted).ConfigureAwait(false);
            }
        }
        finally
        {
            compressed?.Dispose();
            body?.Dispose();
        }
    }

    private async Task WriteCancelledAsync<TExchange>(TExchange exchange, ScrapeDeadline deadline, CancellationToken aborted)
        where TExchange : IScrapeExchange
    {
        if (aborted.IsCancellationRequested)
        {
            await WriteStoppingAsync(exchange).ConfigureAwait(false);
            return;
        }

        var seconds = deadline.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        ScrapeLog.DeadlinePassed(_settings.Logger, seconds);
        await WriteTextAsync(exchange, 503, $"The scrape's deadline passed ({ScrapeDeadline.HeaderName}: {seconds})", CancellationToken.None, closeConnection: true).ConfigureAwait(false);
    }

    private static Task WriteStoppingAsync<TExchange>(TExchange exchange)
        where TExchange : IScrapeExchange =>
        WriteTextAsync(exchange, 503, StoppingMessage, CancellationToken.None, closeConnection: true);

    private static async Task WriteTextAsync<TExchange>(
        TExchange exchange,
        int statusCode,
        string message,
        CancellationToken aborted,
        (string Name, string Value)? header = null,
        bool closeConnection = false)
        where TExchange : IScrapeExchange
    {
        if (!exchange.TryTakeResponse())
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(message + "\n");
        exchange.Start(statusCode, TextContentType, bytes.Length);
        if (header is var (name, value))
        {
            exchange.AddHeader(name, value);
        }

        if (closeConnection)
        {
            exchange.CloseConnection();
        }

        if (!IsHead(exchange))
        {
            await exchange.WriteAsync(new ReadOnlySequence<byte>(bytes), aborted).ConfigureAwait(false);
        }
    }
}
