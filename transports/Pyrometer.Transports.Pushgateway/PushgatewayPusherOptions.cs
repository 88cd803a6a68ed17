using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Polly;
using Pyrometer.Exposition;
using Pyrometer.Transports.Http;
using Pyrometer.Transports.Pushgateway.Internal;

namespace Pyrometer.Transports.Pushgateway;

/// <summary>
/// Where and how a <see cref="PushgatewayPusher"/> pushes. Plain settable properties, so they bind from
/// configuration; they are validated (<see cref="Validate"/>) when a pusher is built.
/// </summary>
public class PushgatewayPusherOptions
{
    /// <summary>Gets or sets the Pushgateway's address, e.g. <c>http://127.0.0.1:9091</c> (a path prefix is kept). Required.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the <c>job</c> label of the group. Required, not empty.</summary>
    public string Job { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the other labels of the group (besides <c>job</c>). Values may be empty or hold any characters;
    /// names follow <c>[a-zA-Z_][a-zA-Z0-9_]*</c>. Pushed metrics may not carry these labels themselves. Default: none.
    /// </summary>
    public IDictionary<string, string> GroupingKey { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the formats the body may be written in. The pusher uses protobuf when the collection holds it
    /// (add it with <c>AddProtobufFormat()</c> from Pyrometer.Formats.Protobuf), else text 0.0.4. Default: the text formats.
    /// </summary>
    public ExpositionFormatCollection Formats { get; set; } = new ExpositionFormatCollection().AddTextFormats();

    /// <summary>Gets or sets whether bodies are sent gzip-compressed (<c>Content-Encoding: gzip</c>). Default: false.</summary>
    public bool Gzip { get; set; }

    /// <summary>Gets or sets extra headers and credentials (basic authentication or a bearer token) for every request.</summary>
    public HttpEndpointOptions Http { get; set; } = new();

    /// <summary>Gets or sets retry, timeout and circuit-breaker settings; unused when <see cref="Pipeline"/> is set.</summary>
    public HttpResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// Gets or sets a pipeline of the user's own to send through instead of the one built from <see cref="Resilience"/>,
    /// e.g. <see cref="ResiliencePipeline{T}.Empty"/> for a single attempt. Default: null.
    /// </summary>
    public ResiliencePipeline<HttpResponseMessage>? Pipeline { get; set; }

    /// <summary>Gets or sets the clock for retries, timeouts and the breaker. Default: <see cref="System.TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets where log messages go. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ValidationException">A setting is missing or invalid; the message names it and what to change.</exception>
    public virtual void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ValidationException($"{nameof(Endpoint)} is '{Endpoint}': set the Pushgateway's absolute http or https address, e.g. http://127.0.0.1:9091.");
        }

        if (string.IsNullOrEmpty(Job))
        {
            throw new ValidationException($"{nameof(Job)} is empty: the Pushgateway needs a job name for the group.");
        }

        if (GroupingKey is null)
        {
            throw new ValidationException($"{nameof(GroupingKey)} is null: leave it empty instead.");
        }

        foreach (var label in GroupingKey)
        {
            if (string.Equals(label.Key, "job", StringComparison.Ordinal))
            {
                throw new ValidationException($"{nameof(GroupingKey)} names 'job': set {nameof(Job)} instead.");
            }

            if (!LabelNames.IsValid(label.Key))
            {
                throw new ValidationException($"{nameof(GroupingKey)} label name '{label.Key}' is invalid: use [a-zA-Z_][a-zA-Z0-9_]*.");
            }

            if (label.Value is null)
            {
                throw new ValidationException($"{nameof(GroupingKey)}['{label.Key}'] is null: use an empty string for an empty value.");
            }
        }

        if (Formats is null || BodyFormat.Choose(Formats) is null)
        {
            throw new ValidationException($"{nameof(Formats)} holds neither protobuf nor text 0.0.4, the formats the Pushgateway reads: add them with AddTextFormats() or AddProtobufFormat().");
        }

        (Http ?? throw new ValidationException($"{nameof(Http)} is null.")).Validate(nameof(Http));
        if (Pipeline is null)
        {
            (Resilience ?? throw new ValidationException($"{nameof(Resilience)} is null: set it, or a {nameof(Pipeline)}.")).Validate(nameof(Resilience));
        }
    }
}
