using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>Which meters a bridge exports: listed names, prefixes ending in <c>*</c>, or a predicate, less the excluded ones.</summary>
internal sealed class MeterSelection
{
    private readonly MeterNames _included;
    private readonly MeterNames _excluded;
    private readonly Func<Meter, bool>? _filter;

    public MeterSelection(IEnumerable<string> meters, IEnumerable<string> excluded, Func<Meter, bool>? filter, string paramName)
    {
        _included = new MeterNames(meters, nameof(MeterBridgeOptions.Meters), paramName);
        _excluded = new MeterNames(excluded, nameof(MeterBridgeOptions.ExcludedMeters), paramName);
        _filter = filter;
    }

    public bool Includes(Meter meter)
    {
        if (_excluded.Matches(meter.Name))
        {
            return false;
        }

        if (_included.IsEmpty && _filter is null)
        {
            return true;
        }

        return _included.Matches(meter.Name) || _filter?.Invoke(meter) == true;
    }
}
