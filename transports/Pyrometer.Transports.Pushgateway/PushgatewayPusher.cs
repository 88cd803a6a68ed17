using System.IO.Compression;
using Polly;
using Pyrometer.Exposition;
using Pyrometer.Transports.Http;
using Pyrometer.Transports.Pushgateway.Internal;

namespace Pyrometer.Transports.Pushgateway;

/// <summary>
/// Pushes a registry to one group of a Prometheus Pushgateway: <see cref="ReplaceAsync"/> (PUT),
/// <see cref="AddAsync"/> (POST) and <see cref="DeleteAsync"/> (DELETE), through the resilience pipeline of its
/// options. Usable without DI; thread-safe. Failures throw: see <see cref="ResilientHttpSender.SendAsync"/>.
/// </summary>
public sealed class PushgatewayPusher : IDisposable
{
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly ResilientHttpSender _sender;
    private readonly HashSet<string> _groupingLabels;
    private readonly bool _gzip;

    /// <summary>Validates the options and builds the pusher; later changes to the options are not seen.</summary>
    /// <param name="options">Where and how to push.</param>
    /// <param name="httpClient">
    /// The client to send with, e.g. from <c>IHttpClientFactory</c>; the pusher does not dispose it. Null: the pusher
    /// creates its own and disposes it with itself.
    /// </param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid; the message says what to change.</exception>
    public PushgatewayPusher(PushgatewayPusherOptions options, HttpClient? httpClient = null)
    {
        Guard.NotNull(options);
        options.Validate();
        Format = BodyFormat.Choose(options.Formats)!;
        var endpoint = options.Endpoint!.AbsoluteUri;
        GroupUri = new Uri(endpoint.TrimEnd('/') + "/" + GroupingPath.Build(options.Job, options.GroupingKey));
        _groupingLabels = new HashSet<string>(options.GroupingKey.Keys, StringComparer.Ordinal) { "job" };
        _gzip = options.Gzip;
        var pipeline = options.Pipeline ?? HttpResiliencePipeline.Create(options.Resilience, options.TimeProvider);
        _ownsClient = httpClient is null;
        _client = httpClient ?? new HttpClient();
        _sender = new ResilientHttpSender(_client, options.Http, pipeline);
    }

    /// <summary>Gets the group's address: the endpoint, then <c>metrics/job/…</c> with the encoded grouping key.</summary>
    public Uri GroupUri { get; }

    /// <summary>Gets the format bodies are written in: protobuf when the options' formats hold it, else text 0.0.4.</summary>
    public ExpositionFormat Format { get; }

    /// <summary>Replaces every metric of the group with the registry's (<c>PUT</c>).</summary>
    /// <param name="registry">The metrics to push.</param>
    /// <param name="cancellationToken">Stops collecting, retrying and sending.</param>
    /// <exception cref="ArgumentException">A metric carries a grouping-key label; the message names it.</exception>
    public Task ReplaceAsync(MetricRegistry registry, CancellationToken cancellationToken = default) =>
        PushAsync(PushMethod.Replace, registry, cancellationToken);

    /// <summary>Replaces the group's metrics that have the same names as the registry's (<c>POST</c>).</summary>
    /// <param name="registry">The metrics to push.</param>
    /// <param name="cancellationToken">Stops collecting, retrying and sending.</param>
    /// <exception cref="ArgumentException">A metric carries a grouping-key label; the message names it.</exception>
    public Task AddAsync(MetricRegistry registry, CancellationToken cancellationToken = default) =>
        PushAsync(PushMethod.Add, registry, cancellationToken);

    /// <summary>Pushes the registry with the given method.</summary>
    /// <param name="method">Replace (PUT) or add (POST).</param>
    /// <param name="registry">The metrics to push.</param>
    /// <param name="cancellationToken">Stops collecting, retrying and sending.</param>
    /// <exception cref="ArgumentException">A metric carries a grouping-key label; the message names it.</exception>
    public async Task PushAsync(PushMethod method, MetricRegistry registry, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(registry);
        var metrics = await registry.CollectAsync(cancellationToken).ConfigureAwait(false);
        if (FindGroupingLabel(metrics) is { } clash)
        {
            throw new ArgumentException(clash, nameof(registry));
        }

        var body = await WriteBodyAsync(metrics, cancellationToken).ConfigureAwait(false);
        var httpMethod = method == PushMethod.Add ? HttpMethod.Post : HttpMethod.Put;
        await _sender.SendAsync(
            () =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.TryAddWithoutValidation("Content-Type", Format.ContentType);
                if (_gzip)
                {
                    content.Headers.ContentEncoding.Add("gzip");
                }

                return new HttpRequestMessage(httpMethod, GroupUri) { Content = content };
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the group and all its metrics (<c>DELETE</c>).</summary>
    /// <param name="cancellationToken">Stops retrying and sending.</param>
    public Task DeleteAsync(CancellationToken cancellationToken = default) =>
        _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, GroupUri), cancellationToken);

    /// <summary>Disposes the client if the pusher created it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    // Describes the first label that is also in the grouping key (the Pushgateway would overwrite it), or null.
    private string? FindGroupingLabel(CollectedMetrics metrics)
    {
        const string Fix = "where the Pushgateway would overwrite it: rename the label or drop it from the grouping key.";
        foreach (var label in metrics.ConstLabels)
        {
            if (_groupingLabels.Contains(label.Key))
            {
                return $"The registry's const label '{label.Key}' is also in the grouping key, {Fix}";
            }
        }

        foreach (var collector in metrics.Collectors)
        {
            var clash = collector.LabelNames.FirstOrDefault(_groupingLabels.Contains)
                ?? collector.ConstLabels.Select(l => l.Key).FirstOrDefault(_groupingLabels.Contains);
            if (clash is not null)
            {
                return $"Metric '{collector.Name}' has the label '{clash}', which is also in the grouping key, {Fix}";
            }
        }

        return null;
    }

    private async Task<byte[]> WriteBodyAsync(CollectedMetrics metrics, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        if (_gzip)
        {
            using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await Format.WriteAsync(zip, metrics, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await Format.WriteAsync(buffer, metrics, cancellationToken).ConfigureAwait(false);
        }

        return buffer.ToArray();
    }
}
