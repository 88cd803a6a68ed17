namespace Pyrometer.Exposition;

/// <summary>One entry of an HTTP <c>Accept</c> header: a media type or range, its parameters and its quality.</summary>
public sealed class MediaRange
{
    internal MediaRange(string type, string subtype, IReadOnlyList<KeyValuePair<string, string>> parameters, double quality, int position)
    {
        Type = type;
        Subtype = subtype;
        Parameters = parameters;
        Quality = quality;
        Position = position;
    }

    /// <summary>Gets the type, lower case (<c>*</c> for any).</summary>
    public string Type { get; }

    /// <summary>Gets the subtype, lower case (<c>*</c> for any).</summary>
    public string Subtype { get; }

    /// <summary>Gets the parameters other than <c>q</c>, names lower case, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>Gets the quality, 0 to 1; 0 means "not acceptable".</summary>
    public double Quality { get; }

    /// <summary>Gets whether the range is <c>*/*</c>.</summary>
    public bool IsWildcard => Type == "*" && Subtype == "*";

    internal int Position { get; }

    /// <summary>Gets whether the range names this media type exactly (ignoring case), or covers it with a wildcard.</summary>
    public bool Covers(string mediaType)
    {
        Guard.NotNull(mediaType);
        if (IsWildcard)
        {
            return true;
        }

        var slash = mediaType.IndexOf('/');
        var type = mediaType.Substring(0, slash);
        var subtype = mediaType.Substring(slash + 1);
        return string.Equals(Type, type, StringComparison.OrdinalIgnoreCase)
            && (Subtype == "*" || string.Equals(Subtype, subtype, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Gets the value of the first parameter with this name, or null.</summary>
    public string? GetParameter(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Parses an <c>Accept</c> header leniently: spaces anywhere, quoted values, parameters in any order, repeated
    /// parameters (the first wins) and malformed entries (skipped) are all tolerated.
    /// </summary>
    public static IReadOnlyList<MediaRange> ParseAcceptHeader(string? accept)
    {
        var ranges = new List<MediaRange>();
        if (string.IsNullOrWhiteSpace(accept))
        {
            return ranges;
        }

        foreach (var entry in SplitOutsideQuotes(accept!, ','))
        {
            if (TryParse(entry, ranges.Count) is { } range)
            {
                ranges.Add(range);
            }
        }

        return ranges;
    }

    private static MediaRange? TryParse(string entry, int position)
    {
        var parts = SplitOutsideQuotes(entry, ';');
        var mediaType = parts[0].Trim();
        var slash = mediaType.IndexOf('/');
        if (slash <= 0 || slash == mediaType.Length - 1)
        {
            return null;
        }

        var type = mediaType.Substring(0, slash).Trim().ToLowerInvariant();
        var subtype = mediaType.Substring(slash + 1).Trim().ToLowerInvariant();
        if (type.Length == 0 || subtype.Length == 0 || (type == "*" && subtype != "*"))
        {
            return null;
        }

        var quality = 1.0;
        var parameters = new List<KeyValuePair<string, string>>();
        for (var i = 1; i < parts.Count; i++)
        {
            var eq = parts[i].IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var name = parts[i].Substring(0, eq).Trim().ToLowerInvariant();
            var value = parts[i].Substring(eq + 1).Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value.Substring(1, value.Length - 2);
            }

            if (name == "q")
            {
                if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out quality) || quality is < 0 or > 1 || double.IsNaN(quality))
                {
                    return null;
                }
            }
            else
            {
                parameters.Add(new(name, value));
            }
        }

        return new MediaRange(type, subtype, parameters, quality, position);
    }

    private static List<string> SplitOutsideQuotes(string text, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == separator && !quoted)
            {
                parts.Add(text.Substring(start, i - start));
                start = i + 1;
            }
        }

        parts.Add(text.Substring(start));
        return parts;
    }
}
