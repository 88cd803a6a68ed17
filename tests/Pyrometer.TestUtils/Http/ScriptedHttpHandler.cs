using System.Collections.Concurrent;
using System.Net;

namespace Pyrometer.TestUtils;

/// <summary>
/// An in-memory HTTP server for client tests: every request is recorded (with its body) and answered by a script,
/// and <see cref="Overlap"/> counts requests in flight at once.
/// </summary>
public sealed class ScriptedHttpHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;

    /// <summary>Answers every request with the script.</summary>
    public ScriptedHttpHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    /// <summary>Answers the n-th request (0-based) with the n-th status, repeating the last; bodies are the status text.</summary>
    public static ScriptedHttpHandler Statuses(params HttpStatusCode[] statuses)
    {
        var next = -1;
        return new ScriptedHttpHandler((_, _) =>
        {
            var index = Math.Min(Interlocked.Increment(ref next), statuses.Length - 1);
            return Task.FromResult(Respond(statuses[index], $"status {(int)statuses[index]}"));
        });
    }

    /// <summary>Gets the requests received, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Gets the count of requests in flight.</summary>
    public OverlapCounter Overlap { get; } = new();

    /// <summary>Creates a response with a text body.</summary>
    public static HttpResponseMessage Respond(HttpStatusCode status, string body = "") =>
        new(status) { Content = new StringContent(body) };

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Overlap.Enter();
        try
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var recorded = new RecordedRequest(request, body);
            Requests.Enqueue(recorded);
            return await _respond(recorded, cancellationToken);
        }
        finally
        {
            Overlap.Exit();
        }
    }
}
