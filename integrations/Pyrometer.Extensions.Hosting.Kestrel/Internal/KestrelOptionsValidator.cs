using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Transports;
using Pyrometer.Transports.Kestrel;

namespace Pyrometer.Extensions.Hosting.Kestrel.Internal;

/// <summary>
/// Checks the server's options when the host starts, naming each setting as configured
/// (<c>Pyrometer:Kestrel:Port</c>) with what it allows. The limits are the server's own
/// (<see cref="KestrelMetricsServer(KestrelMetricsServerOptions)"/> throws on the same values, as the tests check);
/// the port, path and scrape limits are the <see cref="ScrapeLimits"/> both servers and both validators share,
/// so a host fails at start, before anything listens, with the setting's configuration path; the PEM files are
/// loaded once here to name the one that cannot be read.
/// </summary>
internal sealed class KestrelOptionsValidator(IConfiguration? section) : IValidateOptions<KestrelMetricsServerOptions>
{
    private static readonly string[] WildcardHosts = ["*", "+", "0.0.0.0", "::", "[::]"];

    public ValidateOptionsResult Validate(string? name, KestrelMetricsServerOptions options)
    {
        var failures = new List<string>();
        if (!IsBindableHost(options.Host))
        {
            failures.Add($"{Setting(nameof(options.Host))} must be an IP address, 'localhost' or '*' (every interface); Kestrel binds addresses, not host names; got '{options.Host}'.");
        }

        ScrapeLimits.CheckEndpoint(options.Port, options.Path, Setting, failures);
        if (options.Protocols == HttpProtocols.None)
        {
            failures.Add($"{Setting(nameof(options.Protocols))} must name at least one HTTP version.");
        }

        CheckCertificate(options, failures);
        CheckCredentials(options, failures);
        ScrapeLimits.CheckScrapes(options.MaxConcurrentScrapes, options.ScrapeQueueTimeout, options.MaxRetainedBufferBytes, options.Formats, Setting, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsBindableHost(string? host)
    {
        if (host is null)
        {
            return false;
        }

        if (Array.IndexOf(WildcardHosts, host) >= 0 || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var bare = host is { Length: > 2 } && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out _);
    }

    private void CheckCertificate(KestrelMetricsServerOptions options, List<string> failures)
    {
        var certificatePath = Setting(nameof(options.CertificatePath));
        if (options.CertificatePath is null)
        {
            if (options.CertificateKeyPath is not null)
            {
                failures.Add($"{Setting(nameof(options.CertificateKeyPath))} is set but {certificatePath} is not.");
            }

            return;
        }

        if (options.Certificate is not null)
        {
            failures.Add($"Set {certificatePath} or {nameof(KestrelMetricsServerOptions)}.{nameof(options.Certificate)}, not both.");
            return;
        }

        if (!File.Exists(options.CertificatePath))
        {
            failures.Add($"{certificatePath} must name a PEM certificate file; '{options.CertificatePath}' does not exist.");
            return;
        }

        if (options.CertificateKeyPath is not null && !File.Exists(options.CertificateKeyPath))
        {
            failures.Add($"{Setting(nameof(options.CertificateKeyPath))} must name a PEM private key file; '{options.CertificateKeyPath}' does not exist.");
            return;
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPemFile(options.CertificatePath, options.CertificateKeyPath);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            var keyPath = options.CertificateKeyPath is null ? "in the same file" : $"{Setting(nameof(options.CertificateKeyPath))} '{options.CertificateKeyPath}'";
            failures.Add($"{certificatePath} '{options.CertificatePath}' (key: {keyPath}) could not be loaded as a PEM certificate with its private key: {ex.Message}");
        }
    }

    private void CheckCredentials(KestrelMetricsServerOptions options, List<string> failures)
    {
        var user = Setting(nameof(options.BasicAuthUsername));
        var password = Setting(nameof(options.BasicAuthPassword));
        if ((options.BasicAuthUsername is null) != (options.BasicAuthPassword is null))
        {
            failures.Add($"{user} and {password} must be set together; only {(options.BasicAuthUsername is null ? password : user)} is set.");
        }
        else if (options.BasicAuthUsername is not null)
        {
            if (options.BasicAuthUsername.Length == 0 || options.BasicAuthUsername.Contains(':', StringComparison.Ordinal))
            {
                failures.Add($"{user} must be non-empty and contain no ':'; got '{options.BasicAuthUsername}'.");
            }

            if (options.BasicAuthPassword!.Length == 0)
            {
                failures.Add($"{password} must not be empty.");
            }
        }

        if (options.BearerToken is { } token && (token.Length == 0 || token.Trim().Length != token.Length))
        {
            failures.Add($"{Setting(nameof(options.BearerToken))} must be non-empty and have no leading or trailing spaces.");
        }
    }

    private string Setting(string property) => SettingNames.Of(section, nameof(KestrelMetricsServerOptions), property);
}
