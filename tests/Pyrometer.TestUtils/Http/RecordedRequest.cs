namespace Pyrometer.TestUtils;

/// <summary>A request a <see cref="ScriptedHttpHandler"/> received, with its body read.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(HttpRequestMessage request, byte[] body)
    {
        Method = request.Method.Method;
        Uri = request.RequestUri!;
        Body = body;
        ContentType = request.Content?.Headers.ContentType?.ToString();
        ContentEncoding = request.Content is null ? null : string.Join(",", request.Content.Headers.ContentEncoding);
        Authorization = request.Headers.Authorization?.ToString();
        Headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the method, e.g. <c>PUT</c>.</summary>
    public string Method { get; }

    /// <summary>Gets the address.</summary>
    public Uri Uri { get; }

    /// <summary>Gets the body (empty without content).</summary>
    public byte[] Body { get; }

    /// <summary>Gets the Content-Type, or null.</summary>
    public string? ContentType { get; }

    /// <summary>Gets the Content-Encoding values, comma-separated, or null without content.</summary>
    public string? ContentEncoding { get; }

    /// <summary>Gets the Authorization header, or null.</summary>
    public string? Authorization { get; }

    /// <summary>Gets the request headers (not content headers).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }
}
