namespace Pyrometer.Transports;

/// <summary>The path a standalone server serves metrics at: checked and normalised once, matched per request.</summary>
internal static class MetricsPath
{
    /// <summary>Checks a configured path and drops its trailing slash (unless it is <c>/</c>).</summary>
    /// <exception cref="ArgumentException">The path is empty, does not start with <c>/</c>, or contains a space, <c>?</c> or <c>#</c>.</exception>
    public static string Normalize(string? path, string optionsName, string paramName)
    {
        if (!ScrapeLimits.IsValidPath(path))
        {
            throw new ArgumentException($"{optionsName}.Path must start with '/' and contain no spaces, '?' or '#'; got '{path}'.", paramName);
        }

        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>Gets whether a request path is the (normalised) metrics path, ignoring case; a trailing slash is allowed.</summary>
    public static bool Matches(string metricsPath, string requestPath)
    {
        var length = requestPath.Length > 1 && requestPath[^1] == '/' ? requestPath.Length - 1 : requestPath.Length;
        return length == metricsPath.Length && string.Compare(requestPath, 0, metricsPath, 0, length, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
