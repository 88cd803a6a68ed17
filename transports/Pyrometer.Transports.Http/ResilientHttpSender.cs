using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;

namespace Pyrometer.Transports.Http;

/// <summary>
/// Sends requests through a <see cref="ResiliencePipeline{T}"/> with the headers and credentials of an
/// <see cref="HttpEndpointOptions"/>, on an <see cref="HttpClient"/> the caller owns (from <c>IHttpClientFactory</c>
/// or its own). A success (2xx) returns its status; any other final answer throws <see cref="HttpTransportException"/>.
/// </summary>
public sealed class ResilientHttpSender
{
    private const int MaxBodyChars = 4096;
    private readonly HttpClient _client;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly KeyValuePair<string, string>[] _headers;
    private readonly AuthenticationHeaderValue? _authorization;

    /// <summary>Creates a sender; the endpoint settings are read once, here.</summary>
    /// <param name="client">The client requests go through; the sender never disposes it.</param>
    /// <param name="endpoint">Headers and credentials for every request; they should be validated already.</param>
    /// <param name="pipeline">The pipeline, e.g. from <see cref="HttpResiliencePipeline.Create"/> or the user's own.</param>
    public ResilientHttpSender(HttpClient client, HttpEndpointOptions endpoint, ResiliencePipeline<HttpResponseMessage> pipeline)
    {
        _client = Guard.NotNull(client);
        Guard.NotNull(endpoint);
        _pipeline = Guard.NotNull(pipeline);
        _headers = [.. endpoint.Headers];
        if (endpoint.BearerToken is { } token)
        {
            _authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (endpoint.Username is { } user)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + (endpoint.Password ?? string.Empty)));
            _authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
    }

    /// <summary>Sends a request, creating a fresh one for every attempt.</summary>
    /// <param name="createRequest">Creates the request (method, address, content); called once per attempt.</param>
    /// <param name="cancellationToken">Stops waiting, retrying and sending.</param>
    /// <returns>The success status (2xx) answered.</returns>
    /// <exception cref="HttpTransportException">The final answer was not a success; its message holds the response body.</exception>
    /// <exception cref="HttpRequestException">The last attempt failed on the network.</exception>
    /// <exception cref="Polly.Timeout.TimeoutRejectedException">The last attempt ran into the attempt timeout.</exception>
    /// <exception cref="Polly.CircuitBreaker.BrokenCircuitException">The circuit is open after repeated failures.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<HttpStatusCode> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(createRequest);
        string method = string.Empty;
        Uri? uri = null;
        using var response = await _pipeline.ExecuteAsync(
            async token =>
            {
                using var request = createRequest();
                method = request.Method.Method;
                uri = request.RequestUri;
                Apply(request);
                return await _client.SendAsync(request, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response.StatusCode;
        }

        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        throw new HttpTransportException(method, uri, response.StatusCode, body);
    }

    private void Apply(HttpRequestMessage request)
    {
        foreach (var header in _headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (_authorization is not null)
        {
            request.Headers.Authorization = _authorization;
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
#if NET
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
#endif
            return text.Length > MaxBodyChars ? text.Substring(0, MaxBodyChars) : text;
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }
}
