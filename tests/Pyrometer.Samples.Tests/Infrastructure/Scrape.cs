namespace Pyrometer.Samples.Tests.Infrastructure;

/// <summary>Scrapes a sample over loopback HTTP, as Prometheus does.</summary>
internal static class Scrape
{
    public const string Text = "text/plain; version=0.0.4";
    public const string OpenMetrics = "application/openmetrics-text; version=1.0.0";
    public const string Protobuf = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<(string ContentType, byte[] Body)> GetAsync(Uri url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (response.Content.Headers.ContentType?.MediaType ?? string.Empty, await response.Content.ReadAsByteArrayAsync());
    }

    public static async Task<string> TextAsync(Uri url, string accept = Text) =>
        System.Text.Encoding.UTF8.GetString((await GetAsync(url, accept)).Body);

    /// <summary>Scrapes the text format until <paramref name="ready"/> holds for it (the samples update once a second); fails after 30 s.</summary>
    public static async Task<string> UntilAsync(Uri url, Func<string, bool> ready, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string text;
        do
        {
            text = await TextAsync(url);
            if (ready(text))
            {
                return text;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Within 30 s the scrape never showed {what}. Last scrape:\n{text}");
        return text;
    }
}
