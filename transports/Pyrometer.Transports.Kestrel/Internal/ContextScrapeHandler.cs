using Microsoft.AspNetCore.Http;

namespace Pyrometer.Transports.Kestrel.Internal;

/// <summary>
/// Hands each ASP.NET Core request to the shared <see cref="ScrapeResponder"/>; a response that cannot be completed
/// (the client went away, or the deadline cut it off) has its connection aborted and is logged at debug level.
/// </summary>
internal sealed class ContextScrapeHandler(ScrapeResponder responder, CancellationToken stopping)
{
    public ScrapeResponder Responder => responder;

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await responder.RespondAsync(new HttpContextExchange(context), stopping.IsCancellationRequested, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            ScrapeLog.ResponseAborted(responder.Settings.Logger, ex);
            context.Abort();
        }
    }
}
