using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Pyrometer.Samples.MetricsFetcher;

/// <summary>Fetches the metrics once or every interval and prints them; each failure is one line on stderr.</summary>
internal sealed class Fetcher
{
    private readonly FetchSettings _settings;
    private readonly TextWriter _output;
    private readonly TextWriter _log;

    public Fetcher(FetchSettings settings, TextWriter output, TextWriter log)
    {
        _settings = settings;
        _output = output;
        _log = log;
    }

    /// <summary>Fetches until done (once) or cancelled (with an interval); returns the last fetch's exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("metrics-fetcher/1.0");
        var exitCode = ExitCodes.Success;
        do
        {
            try
            {
                await FetchOnceAsync(client, cancellationToken);
                exitCode = ExitCodes.Success;
            }
            catch (FetchFailedException failure)
            {
                await _log.WriteLineAsync($"error: {failure.Message}");
                exitCode = failure.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (_settings.Interval is not { } interval)
            {
                break;
            }

            try
            {
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        while (true);

        return exitCode;
    }

    private async Task FetchOnceAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var format = _settings.Format ?? ScrapeFormats.Random();
        using var request = new HttpRequestMessage(HttpMethod.Get, _settings.Url);
        request.Headers.TryAddWithoutValidation("Accept", ScrapeFormats.AcceptHeader(format));
        request.Headers.TryAddWithoutValidation("X-Prometheus-Scrape-Timeout-Seconds", _settings.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        if (_settings.Debug)
        {
            await _log.WriteLineAsync($"> {request.Method} {request.RequestUri}");
            await WriteHeadersAsync('>', request.Headers.Concat(client.DefaultRequestHeaders));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        var started = Stopwatch.GetTimestamp();
        TimeSpan headersAfter;
        byte[] body;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            headersAfter = Stopwatch.GetElapsedTime(started);
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchFailedException(ExitCodes.Timeout, $"no complete answer from {_settings.Url} within {_settings.Timeout.TotalSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            throw new FetchFailedException(ExitCodes.ConnectionFailed, Describe(ex));
        }

        using (response)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var contentType = response.Content.Headers.ContentType;
            await _log.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{(int)response.StatusCode} {response.ReasonPhrase}, {contentType?.ToString() ?? "no Content-Type"}, {body.Length} bytes, {elapsed.TotalMilliseconds:0.0} ms"));
            if (_settings.Debug)
            {
                await _log.WriteLineAsync($"< HTTP/{response.Version} {(int)response.StatusCode} {response.ReasonPhrase}");
                await WriteHeadersAsync('<', response.Headers.Concat(response.Content.Headers));
                await _log.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"timings: asked for {ScrapeFormats.Names[(int)format]}, headers after {headersAfter.TotalMilliseconds:0.0} ms, body after {elapsed.TotalMilliseconds:0.0} ms"));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new FetchFailedException(ExitCodes.HttpError, $"{_settings.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            await _output.WriteAsync(BodyDecoder.Decode(contentType?.MediaType, body));
            await _output.FlushAsync(cancellationToken);
        }
    }

    private string Describe(HttpRequestException ex)
    {
        var endpoint = $"{_settings.Url.Host}:{_settings.Url.Port}";
        return (ex.InnerException as SocketException)?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => $"connection refused: nothing listens on {endpoint} ({_settings.Url})",
            SocketError.HostNotFound or SocketError.NoData => $"host not found: {_settings.Url.Host} ({_settings.Url})",
            _ => $"cannot fetch {_settings.Url}: {ex.Message}",
        };
    }

    private async Task WriteHeadersAsync(char direction, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        foreach (var (name, values) in headers)
        {
            await _log.WriteLineAsync($"{direction} {name}: {string.Join(", ", values)}");
        }
    }
}
