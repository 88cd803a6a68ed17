using Polly;
using Polly.Timeout;

namespace Pyrometer.Transports.Http.Internal;

/// <summary>Which outcomes of an attempt are worth another: network errors, timeouts, 5xx and 429.</summary>
internal static class TransientFailures
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken)
    {
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException => true,
                TimeoutRejectedException => true,
                // HttpClient.Timeout, not the caller giving up.
                OperationCanceledException => !callerToken.IsCancellationRequested,
                IOException => true,
                _ => false,
            };
        }

        return outcome.Result is { } response && IsTransient(response);
    }

    public static bool IsTransient(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || RetryAfter.IsTooMany(response);
}
