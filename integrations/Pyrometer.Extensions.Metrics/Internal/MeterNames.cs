namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>A list of meter names and prefixes ending in <c>*</c>, compared case-insensitively.</summary>
internal sealed class MeterNames
{
    private readonly string[] _names;
    private readonly string[] _prefixes;

    public MeterNames(IEnumerable<string> entries, string optionName, string paramName)
    {
        var list = entries.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i]))
            {
                throw new ArgumentException(
                    $"{nameof(MeterBridgeOptions)}.{optionName}[{i}] is '{list[i]}': each entry must be a meter name or a prefix ending in '*'.",
                    paramName);
            }
        }

        _names = list.Where(e => !IsPrefix(e)).ToArray();
        _prefixes = list.Where(IsPrefix).Select(e => e.Substring(0, e.Length - 1)).ToArray();
    }

    public bool IsEmpty => _names.Length == 0 && _prefixes.Length == 0;

    public bool Matches(string meterName)
    {
        foreach (var name in _names)
        {
            if (string.Equals(name, meterName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var prefix in _prefixes)
        {
            if (meterName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPrefix(string entry) => entry.Length > 0 && entry[entry.Length - 1] == '*';
}
