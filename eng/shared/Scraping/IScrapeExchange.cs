using System.Buffers;

namespace Pyrometer.Transports;

/// <summary>
/// One scrape request and its response as a transport exposes them to <see cref="ScrapeResponder"/>. Transports
/// implement it as a struct over their own request type, so answering a request allocates no adapter.
/// </summary>
internal interface IScrapeExchange
{
    /// <summary>Gets the request method, upper case as sent (<c>GET</c>, <c>HEAD</c>, ...).</summary>
    string Method { get; }

    /// <summary>Gets the request path, unescaped, without the query.</summary>
    string Path { get; }

    /// <summary>Gets a request header's value, or null when it was not sent.</summary>
    string? Header(string name);

    /// <summary>Gets a query parameter's value, or null when it was not sent.</summary>
    string? Query(string name);

    /// <summary>Takes the response for the responder; false when the transport already answered in its place.</summary>
    bool TryTakeResponse();

    /// <summary>Starts the response: status, content type and length. Call once, before any header or body.</summary>
    void Start(int statusCode, string contentType, long contentLength);

    /// <summary>Adds a response header after <see cref="Start"/>.</summary>
    void AddHeader(string name, string value);

    /// <summary>Asks for the connection to be closed after this response.</summary>
    void CloseConnection();

    /// <summary>Writes the whole body (never called for HEAD).</summary>
    ValueTask WriteAsync(ReadOnlySequence<byte> body, CancellationToken cancellationToken);

    /// <summary>Aborts the connection when <paramref name="token"/> is cancelled while the body is being written.</summary>
    CancellationTokenRegistration AbortWhenCancelled(CancellationToken token);
}
