namespace Pyrometer.Transports;

/// <summary>Reads an <c>Accept-Encoding</c> header.</summary>
internal static class AcceptEncoding
{
    /// <summary>
    /// Gets whether the header accepts gzip: an explicit <c>gzip</c> (or <c>x-gzip</c>) entry decides by its
    /// quality; otherwise a <c>*</c> entry does; otherwise gzip is not accepted.
    /// </summary>
    public static bool AllowsGzip(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        double? gzip = null;
        double? any = null;
        foreach (var entry in header!.Split(','))
        {
            var semicolon = entry.IndexOf(';');
            var coding = (semicolon < 0 ? entry : entry.Substring(0, semicolon)).Trim();
            var quality = semicolon < 0 ? 1.0 : ReadQuality(entry.Substring(semicolon + 1));
            if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = Math.Max(gzip ?? 0, quality);
            }
            else if (coding == "*")
            {
                any = Math.Max(any ?? 0, quality);
            }
        }

        return (gzip ?? any ?? 0) > 0;
    }

    private static double ReadQuality(string parameters)
    {
        foreach (var parameter in parameters.Split(';'))
        {
            var eq = parameter.IndexOf('=');
            if (eq > 0 && parameter.Substring(0, eq).Trim().Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                return double.TryParse(parameter.Substring(eq + 1).Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q)
                    && q is >= 0 and <= 1 ? q : 0;
            }
        }

        return 1.0;
    }
}
