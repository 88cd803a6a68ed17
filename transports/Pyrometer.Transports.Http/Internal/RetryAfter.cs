namespace Pyrometer.Transports.Http.Internal;

/// <summary>Reads a <c>Retry-After</c> header, as seconds or as a date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public static bool IsTooMany(HttpResponseMessage? response) => response is not null && (int)response.StatusCode == 429;

}
