using System.Buffers;
using System.Net;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>An HttpListener request as the shared <see cref="ScrapeResponder"/> sees it.</summary>
internal readonly struct ListenerExchange(PendingRequest pending, TimeSpan sendStallTimeout) : IScrapeExchange
{
    private HttpListenerRequest Request => pending.Context.Request;

    public string Method => Request.HttpMethod;

    public string Path => Uri.UnescapeDataString(Request.Url!.AbsolutePath);

    public string? Header(string name) => Request.Headers[name];

    public string? Query(string name) => Request.QueryString[name];

    public bool TryTakeResponse() => pending.TakeForHandler();

    public void Start(int statusCode, string contentType, long contentLength)
    {
        var response = pending.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength64 = contentLength;
    }

    public void AddHeader(string name, string value) => pending.Response.AddHeader(name, value);

    public void CloseConnection() => pending.Response.KeepAlive = false;

    // Not a loop of small writes: on Linux, a short write after a partial one waits for the client's delayed ACK
    // (Nagle), which added 40 ms to scrapes of 36 KB to 83 KB bodies written in 32 KiB pieces. Not one write of any
    // size either: the managed HttpListener copies a first write whole into the MemoryStream that holds the headers.
    // ResponseBodyWriter explains the split that avoids both. HttpListener has no send timeout, and on Linux and macOS
    // a write ignores its token once the socket's buffer is full, so a client that stops reading is cut off by an
    // abort when one write has waited sendStallTimeout (the timer restarts at each write).
    public async ValueTask WriteAsync(ReadOnlySequence<byte> body, CancellationToken cancellationToken)
    {
        if (sendStallTimeout == Timeout.InfiniteTimeSpan)
        {
            await ResponseBodyWriter.WriteAsync(pending.Response.OutputStream, body, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var stall = new CancellationTokenSource();
        using var cutOff = AbortWhenCancelled(stall.Token);
        await ResponseBodyWriter.WriteAsync(pending.Response.OutputStream, body, stall, sendStallTimeout, cancellationToken).ConfigureAwait(false);
    }

    public CancellationTokenRegistration AbortWhenCancelled(CancellationToken token) =>
        token.Register(static state => ((PendingRequest)state!).AbortIfHandlerWriting(), pending);
}
