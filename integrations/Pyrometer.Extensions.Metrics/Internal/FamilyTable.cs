using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>
/// The bridged families by name. An instrument whose definition equals a family's joins it; one whose names
/// would collide with a different family's is not exported (a warning names both), so no name is ever written by
/// two families.
/// </summary>
internal sealed class FamilyTable(MetricRegistry registry, int cardinalityLimit, ILogger logger)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, BridgedFamily> _byExposedName = new(StringComparer.Ordinal);

    /// <summary>Gets the family for a definition, creating it, or null (after a warning) when its names collide.</summary>
    public BridgedFamily? Join(FamilyDefinition definition, Instrument instrument)
    {
        lock (_lock)
        {
            if (_byExposedName.TryGetValue(definition.Name, out var existing) && existing.Definition.Name == definition.Name)
            {
                if (existing.Definition.DescribeDifference(definition) is not { } difference)
                {
                    return existing;
                }

                Reject(instrument, definition.Name, existing, difference);
                return null;
            }

            foreach (var name in definition.ExposedNames)
            {
                if (_byExposedName.TryGetValue(name, out var other))
                {
                    Reject(instrument, name, other, $"family '{other.Definition.Name}' writes that name too");
                    return null;
                }
            }

            var family = new BridgedFamily(definition, registry, cardinalityLimit, logger);
            foreach (var name in definition.ExposedNames)
            {
                _byExposedName.Add(name, family);
            }

            return family;
        }
    }

    /// <summary>Removes an instrument from its family, and the family once it has no instruments left.</summary>
    public void Leave(InstrumentBridge member)
    {
        lock (_lock)
        {
            if (member.Family.Detach(member))
            {
                foreach (var name in member.Family.Definition.ExposedNames)
                {
                    _byExposedName.Remove(name);
                }
            }
        }
    }

    private void Reject(Instrument instrument, string name, BridgedFamily other, string reason)
    {
        var first = other.FirstInstrument;
        var owner = first is null ? string.Empty : $" of instrument '{first.Name}' of meter '{first.Meter.Name}'";
        Log.NotExported(logger, instrument.Name, instrument.Meter.Name, $"its Prometheus name '{name}' collides with family '{other.Definition.Name}'{owner}: {reason}. Rename one of the instruments.");
    }
}
