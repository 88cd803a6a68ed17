using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Pyrometer.Extensions.Hosting.Internal;

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

    public void Double(string key, Action<double> set) =>
        Parse(key, set, "a number such as 0.5", static (string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value));

    // A path such as "/pushgateway" parses as an absolute file URI on Unix (and "C:\x" on Windows); only an
    // explicit "file:" address is taken as one, so a path fails here naming the text as written.
    public void AbsoluteUri(string key, Action<Uri> set) =>
        Parse(key, set, "an absolute address such as http://127.0.0.1:9091", static (string text, out Uri value) =>
            Uri.TryCreate(text, UriKind.Absolute, out value!) && (!value.IsFile || text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)));

    public void Enum<TEnum>(string key, Action<TEnum> set)
        where TEnum : struct, Enum =>
        Parse(key, set, "one of " + string.Join(", ", EnumNames<TEnum>()), static (string text, out TEnum value) => TryParseName(text, out value));

    /// <summary>A reader of the child section <paramref name="key"/> (nested options), naming its settings by their full path.</summary>
    public SettingReader<TOptions> Child(string key) => new(section.GetSection(key));

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

    // A defined member's name (any case); numbers, which Enum.TryParse also takes, are not allowed.
    private static bool TryParseName<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum =>
#if NET
        System.Enum.TryParse(text, ignoreCase: true, out value) && text.Length > 0 && char.IsLetter(text[0]) && System.Enum.IsDefined(value);
#else
        System.Enum.TryParse(text, ignoreCase: true, out value) && text.Length > 0 && char.IsLetter(text[0]) && System.Enum.IsDefined(typeof(TEnum), value);
#endif

    private static string[] EnumNames<TEnum>()
        where TEnum : struct, Enum =>
#if NET
        System.Enum.GetNames<TEnum>();
#else
        System.Enum.GetNames(typeof(TEnum));
#endif

    private delegate bool TryParse<T>(string text, out T value);
}
