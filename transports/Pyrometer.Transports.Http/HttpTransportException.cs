using System.Net;

namespace Pyrometer.Transports.Http;

/// <summary>
/// A push was answered with a status that is not success: a client error that retrying cannot fix, or a server
/// error that lasted through every retry. <see cref="Exception.Message"/> includes the server's explanation.
/// </summary>
public sealed class HttpTransportException : Exception
{
    /// <summary>Creates the exception for a response.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="requestUri">The request's address.</param>
    /// <param name="statusCode">The status answered.</param>
    /// <param name="responseBody">The response body (what the server said), possibly shortened.</param>
    public HttpTransportException(string method, Uri? requestUri, HttpStatusCode statusCode, string responseBody)
        : base(Describe(method, requestUri, statusCode, responseBody))
    {
        Method = method;
        RequestUri = requestUri;
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public HttpTransportException()
    {
        Method = string.Empty;
        ResponseBody = string.Empty;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public HttpTransportException(string message)
        : base(message)
    {
        Method = string.Empty;
        ResponseBody = string.Empty;
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public HttpTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = string.Empty;
        ResponseBody = string.Empty;
    }

    /// <summary>Gets the request's method.</summary>
    public string Method { get; }

    /// <summary>Gets the request's address.</summary>
    public Uri? RequestUri { get; }

    /// <summary>Gets the status answered.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the response body, the server's explanation (at most 4096 characters).</summary>
    public string ResponseBody { get; }

    /// <summary>Gets whether the status was a client error (4xx) that retrying would not fix (429 excepted).</summary>
    public bool IsClientError => (int)StatusCode is >= 400 and < 500 and not 429;

    private static string Describe(string method, Uri? requestUri, HttpStatusCode statusCode, string body)
    {
        var text = body.Trim();
        return $"{method} {requestUri} was answered {(int)statusCode} ({statusCode}){(text.Length == 0 ? "." : ": " + text)}";
    }
}
