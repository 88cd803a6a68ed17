using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Pyrometer.Transports;

/// <summary>
/// The credentials a protected server accepts: a basic-auth user name and password, a bearer token, or both. A
/// request's credentials are hashed and the hashes compared in constant time, so neither their content nor their
/// length shows in how long the check takes. Refusals are logged through a <see cref="RefusalLog"/>.
/// </summary>
internal sealed class ScrapeCredentials
{
    private const int HashLength = 32;

    private readonly byte[]? _basicHash;
    private readonly byte[]? _bearerHash;

    private ScrapeCredentials(string? basic, string? bearer, RefusalLog refusals)
    {
        _basicHash = basic is null ? null : Hash(basic);
        _bearerHash = bearer is null ? null : Hash(bearer);
        Refusals = refusals;
        Challenge = (basic, bearer) switch
        {
            (not null, not null) => "Basic realm=\"metrics\", charset=\"UTF-8\", Bearer realm=\"metrics\"",
            (not null, null) => "Basic realm=\"metrics\", charset=\"UTF-8\"",
            _ => "Bearer realm=\"metrics\"",
        };
    }

    /// <summary>Gets the <c>WWW-Authenticate</c> value a refusal carries.</summary>
    public string Challenge { get; }

    /// <summary>Gets the log refusals are counted and reported in.</summary>
    public RefusalLog Refusals { get; }

    /// <summary>Validates the options' credentials; null when none are set.</summary>
    /// <exception cref="ArgumentException">Only one of user name and password is set, the user name holds a colon, or a value is empty.</exception>
    public static ScrapeCredentials? From(ScrapeSettingsBuilder options, ILogger logger)
    {
        var name = options.OptionsName;
        var (user, password, token) = (options.BasicAuthUsername, options.BasicAuthPassword, options.BearerToken);
        if ((user is null) != (password is null))
        {
            throw new ArgumentException($"{name}.BasicAuthUsername and {name}.BasicAuthPassword must be set together; only {(user is null ? "BasicAuthPassword" : "BasicAuthUsername")} is set.", nameof(options));
        }

        if (user is { Length: 0 } || user?.IndexOf(':') >= 0)
        {
            throw new ArgumentException($"{name}.BasicAuthUsername must be non-empty and contain no ':'; got '{user}'.", nameof(options));
        }

        if (password is { Length: 0 })
        {
            throw new ArgumentException($"{name}.BasicAuthPassword must not be empty.", nameof(options));
        }

        if (token is not null && (token.Length == 0 || token.Trim().Length != token.Length))
        {
            throw new ArgumentException($"{name}.BearerToken must be non-empty and have no leading or trailing spaces.", nameof(options));
        }

        if (user is null && token is null)
        {
            return null;
        }

        return new ScrapeCredentials(user is null ? null : user + ":" + password, token, new RefusalLog(logger, TimeProvider.System));
    }

    /// <summary>Checks an <c>Authorization</c> header.</summary>
    /// <param name="authorization">The header's value, or null when none was sent.</param>
    /// <param name="reason">Why it was refused, for the log; null when it was accepted.</param>
    public bool Accepts(string? authorization, out string? reason)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            reason = "no Authorization header";
            return false;
        }

        var space = authorization!.IndexOf(' ');
        var scheme = space < 0 ? authorization : authorization.Substring(0, space);
        var parameter = space < 0 ? string.Empty : authorization.Substring(space + 1).Trim();
        if (_basicHash is not null && scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            var accepted = TryDecodeBase64(parameter, out var decoded) && Matches(decoded, _basicHash);
            reason = accepted ? null : "wrong basic-auth user name or password";
            return accepted;
        }

        if (_bearerHash is not null && scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            var accepted = Matches(parameter, _bearerHash);
            reason = accepted ? null : "wrong bearer token";
            return accepted;
        }

        reason = $"unaccepted authorization scheme '{scheme}'";
        return false;
    }

    private static bool Matches(string value, byte[] expectedHash) => ConstantTime.AreEqual(Hash(value), expectedHash);

    private static byte[] Hash(string value)
    {
#if NET
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
#else
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(value));
#endif
        return hash.Length == HashLength ? hash : throw new InvalidOperationException("SHA-256 gave a hash of an unexpected length.");
    }

    private static bool TryDecodeBase64(string value, out string decoded)
    {
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value));
            return true;
        }
        catch (FormatException)
        {
            decoded = string.Empty;
            return false;
        }
    }
}
