using System.ComponentModel.DataAnnotations;

namespace Pyrometer.Transports.Http;

/// <summary>
/// What every request of a push transport carries besides its body: extra headers and credentials (HTTP basic
/// authentication or a bearer token, not both). Plain settable properties, so they bind from configuration.
/// </summary>
public sealed class HttpEndpointOptions
{
    private static readonly string[] ContentHeaders = ["Content-Type", "Content-Encoding", "Content-Length"];

    /// <summary>
    /// Gets or sets extra headers sent with every request, e.g. a tenant header. They cannot replace the headers the
    /// transport sets itself (content headers, <c>Authorization</c> when credentials are set). Default: none.
    /// </summary>
    public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the user name for HTTP basic authentication; null sends none. Default: null.</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the password for HTTP basic authentication, used with <see cref="Username"/>. Default: null.</summary>
    public string? Password { get; set; }

    /// <summary>Gets or sets a bearer token sent as <c>Authorization: Bearer …</c>; null sends none. Default: null.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <param name="prefix">How the caller names these options in messages, e.g. <c>Http</c>.</param>
    /// <param name="reservedHeaders">Headers the transport sets itself, which <see cref="Headers"/> may not name.</param>
    /// <exception cref="ValidationException">A setting is invalid; the message names it and what to change.</exception>
    public void Validate(string prefix = nameof(HttpEndpointOptions), IEnumerable<string>? reservedHeaders = null)
    {
        if (Username is not null && BearerToken is not null)
        {
            throw new ValidationException($"{prefix}.{nameof(Username)} and {prefix}.{nameof(BearerToken)} are both set: choose basic authentication or a bearer token.");
        }

        if (Password is not null && Username is null)
        {
            throw new ValidationException($"{prefix}.{nameof(Password)} is set without {prefix}.{nameof(Username)}: set the user name for basic authentication.");
        }

        if (Username is not null && Username.Contains(':'))
        {
            throw new ValidationException($"{prefix}.{nameof(Username)} contains ':', which basic authentication cannot carry in a user name.");
        }

        if (Headers is null)
        {
            throw new ValidationException($"{prefix}.{nameof(Headers)} is null: leave it empty instead.");
        }

        var reserved = new HashSet<string>(ContentHeaders.Concat(reservedHeaders ?? []), StringComparer.OrdinalIgnoreCase);
        if (Username is not null || BearerToken is not null)
        {
            reserved.Add("Authorization");
        }

        foreach (var header in Headers)
        {
            if (string.IsNullOrWhiteSpace(header.Key))
            {
                throw new ValidationException($"{prefix}.{nameof(Headers)} has an empty header name.");
            }

            if (reserved.Contains(header.Key))
            {
                throw new ValidationException($"{prefix}.{nameof(Headers)} sets '{header.Key}', which the transport sets itself: remove it.");
            }

            if (header.Value is null || header.Value.Contains('\r') || header.Value.Contains('\n'))
            {
                throw new ValidationException($"{prefix}.{nameof(Headers)}['{header.Key}'] is null or contains a line break.");
            }
        }
    }
}
