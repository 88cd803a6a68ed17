using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Pyrometer.Hosting.Internal;

/// <summary>
/// Reads options from a configuration section without reflection (so the net8.0+ builds stay trimmable): each
/// present key is parsed and set, and a value that does not parse fails like a validation error, naming the
/// setting's path and the kind of value allowed. Hosting packages link this file.
/// </summary>
internal readonly struct SettingReader<TOptions>(IConfiguration section)
{
    public void String(string key, Action<string> set)
    {
        if (section[key] is { } value)
        {
            set(value);
        }
    }

    public void Boolean(string key, Action<bool> set) =>
        Parse(key, set, "true or false", static (string text, out bool value) => bool.TryParse(text, out value));

    public void Int32(string key, Action<int> set) =>
        Parse(key, set, "a whole number", static (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

    public void Int64(string key, Action<long> set) =>
        Parse(key, set, "a whole number", static (string text, out long value) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

    public void TimeSpan(string key, Action<TimeSpan> set) =>
        Parse(key, set, "a time span such as 00:00:05", static (string text, out TimeSpan value) => System.TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value));

    /// <summary>Every child of <paramref name="key"/> as a name and value (a dictionary in appsettings.json).</summary>
    public void Pairs(string key, Action<string, string> add)
    {
        foreach (var child in section.GetSection(key).GetChildren())
        {
            add(child.Key, child.Value ?? string.Empty);
        }
    }

    private void Parse<T>(string key, Action<T> set, string allowed, TryParse<T> parse)
    {
        if (section[key] is not { } text)
        {
            return;
        }

        if (!parse(text.Trim(), out var value))
        {
            var setting = SettingNames.Of(section, typeof(TOptions).Name, key);
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), [$"{setting} must be {allowed}; got '{text}'."]);
        }

        set(value);
    }

    private delegate bool TryParse<T>(string text, out T value);
}
