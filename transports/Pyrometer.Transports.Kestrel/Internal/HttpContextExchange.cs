using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Pyrometer.Transports.Kestrel.Internal;

/// <summary>An ASP.NET Core request as the shared <see cref="ScrapeResponder"/> sees it.</summary>
internal readonly struct HttpContextExchange(HttpContext context) : IScrapeExchange
{
    public string Method => context.Request.Method;

    public string Path => context.Request.Path.Value ?? "/";

    public string? Header(string name) => context.Request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    public string? Query(string name) => context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public bool TryTakeResponse() => !context.Response.HasStarted;

    public void Start(int statusCode, string contentType, long contentLength)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = contentLength;
    }

    public void AddHeader(string name, string value) => context.Response.Headers.Append(name, value);

    public void CloseConnection()
    {
        // Connection is an HTTP/1.x header; HTTP/2 and HTTP/3 have no such thing (Kestrel refuses it there).
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
        {
            context.Response.Headers.Connection = "close";
        }
    }

    /// <remarks>
    /// Each pooled block goes to the response pipe as it is, flushed once at the end: Kestrel copies it into its own
    /// buffers and sends while the next one is copied, so a body is never copied whole into one array.
    /// </remarks>
    public async ValueTask WriteAsync(ReadOnlySequence<byte> body, CancellationToken cancellationToken)
    {
        var writer = context.Response.BodyWriter;
        foreach (var segment in body)
        {
            var result = await writer.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
            if (result.IsCanceled || result.IsCompleted)
            {
                return;
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    // Only once the response has started: before, the responder answers a passed deadline with a 503 itself, which an
    // aborted connection would never deliver.
    public CancellationTokenRegistration AbortWhenCancelled(CancellationToken token) =>
        token.Register(
            static state =>
            {
                var context = (HttpContext)state!;
                if (context.Response.HasStarted)
                {
                    context.Abort();
                }
            },
            context);
}
