using System.Net;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>
/// An accepted request and who answers it. Normally its handler does; when stopping gives up waiting, the server
/// answers 503 in its place. Whoever takes the response first writes it, so the two never write at once.
/// </summary>
internal sealed class PendingRequest(HttpListenerContext context)
{
    private const int Nobody = 0;
    private const int TheHandler = 1;
    private const int TheServer = 2;

    private int _owner;

    public HttpListenerContext Context => context;

    public HttpListenerResponse Response => context.Response;

    public bool IsHead => context.Request.HttpMethod == "HEAD";

    /// <summary>Gets or sets the task handling the request.</summary>
    public Task Handling { get; set; } = Task.CompletedTask;

    /// <summary>Gets whether the server answered in the handler's place.</summary>
    public bool AnsweredByServer => Volatile.Read(ref _owner) == TheServer;

    /// <summary>Takes the response for the handler; true if it has it (now or already).</summary>
    public bool TakeForHandler() => Interlocked.CompareExchange(ref _owner, TheHandler, Nobody) != TheServer;

    /// <summary>Aborts the connection if the handler is writing the response; does nothing (and never throws) otherwise.</summary>
    public void AbortIfHandlerWriting()
    {
        if (Volatile.Read(ref _owner) != TheHandler)
        {
            return;
        }

        try
        {
            context.Response.Abort();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or IOException or InvalidOperationException)
        {
            // The response was completed or the connection closed meanwhile.
        }
    }

    /// <summary>Takes the response for the server; true only if the handler has not started writing it.</summary>
    public bool TakeForServer() => Interlocked.CompareExchange(ref _owner, TheServer, Nobody) == Nobody;
}
