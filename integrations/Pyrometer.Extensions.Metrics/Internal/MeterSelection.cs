using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>Which meters a bridge exports: listed names, prefixes ending in <c>*</c>, or a predicate.</summary>
internal sealed class MeterSelection
{
    private readonly string[] _names;
    private readonly string[] _prefixes;
    private readonly Func<Meter, bool>? _filter;

    public MeterSelection(IEnumerable<string> meters, Func<Meter, bool>? filter, string paramName)
    {
        var entries = meters.ToArray();
        for (var i = 0; i < entries.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]))
            {
                throw new ArgumentException(
                    $"{nameof(MeterBridgeOptions)}.{nameof(MeterBridgeOptions.Meters)}[{i}] is '{entries[i]}': each entry must be a meter name or a prefix ending in '*'.",
                    paramName);
            }
        }

        _names = entries.Where(e => !IsPrefix(e)).ToArray();
        _prefixes = entries.Where(e => IsPrefix(e)).Select(e => e.Substring(0, e.Length - 1)).ToArray();
        _filter = filter;
    }

    public bool Includes(Meter meter)
    {
        if (_names.Length == 0 && _prefixes.Length == 0 && _filter is null)
        {
            return true;
        }

        foreach (var name in _names)
        {
            if (string.Equals(name, meter.Name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var prefix in _prefixes)
        {
            if (meter.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return _filter?.Invoke(meter) == true;
    }

    private static bool IsPrefix(string entry) => entry.Length > 0 && entry[entry.Length - 1] == '*';
}
