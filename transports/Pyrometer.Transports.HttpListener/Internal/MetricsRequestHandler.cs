using System.Net;
using System.Text;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>
/// Hands each HttpListener request to the shared <see cref="ScrapeResponder"/> and closes or aborts its response:
/// what a scrape gets is decided there, the connection's fate here.
/// </summary>
internal sealed class MetricsRequestHandler(ServerSettings settings)
{
    private readonly ScrapeResponder _responder = new(settings.Scrape, settings.Path);

    /// <summary>
    /// Answers 503 for a request whose handler has not started writing, from outside the handler. HttpListener
    /// would otherwise answer an empty 200 when the connection is closed under it.
    /// </summary>
    public static void AnswerStopping(PendingRequest pending)
    {
        var bytes = Encoding.UTF8.GetBytes(ScrapeResponder.StoppingMessage + "\n");
        var response = pending.Response;
        response.StatusCode = 503;
        response.ContentType = ScrapeResponder.TextContentType;
        response.KeepAlive = false;
        response.ContentLength64 = bytes.Length;
        if (!pending.IsHead)
        {
            response.OutputStream.Write(bytes, 0, bytes.Length);
        }

        response.Close();
    }

    /// <summary>Answers the request and closes the response. Never throws: a failure aborts the connection and is logged.</summary>
    /// <param name="pending">The request.</param>
    /// <param name="stopping">Whether the server is stopping, in which case scrapes are answered 503.</param>
    /// <param name="aborted">Cancelled when the server gives up waiting for in-flight requests.</param>
    public async Task HandleAsync(PendingRequest pending, bool stopping, CancellationToken aborted)
    {
        try
        {
            await _responder.RespondAsync(new ListenerExchange(pending, settings.SendStallTimeout), stopping, aborted).ConfigureAwait(false);
            if (!pending.AnsweredByServer)
            {
                pending.Response.Close();
            }
        }
        catch (Exception ex) when (!pending.AnsweredByServer)
        {
            ScrapeLog.ResponseAborted(settings.Logger, ex);
            try
            {
                pending.Response.Abort();
            }
            catch (Exception abortFailure) when (abortFailure is ObjectDisposedException or HttpListenerException or IOException)
            {
                // The connection is already gone.
            }
        }
        catch (Exception)
        {
            // The server answered in this handler's place and closed the connection, which is what failed here.
        }
    }
}
