namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>What a bridged family is: instruments that map to one name share it only when their definitions are equal.</summary>
internal sealed record FamilyDefinition(
    string Name,
    InstrumentKind Kind,
    string Help,
    string? Unit,
    double Scale,
    double[]? Buckets,
    NativeHistogramOptions? Native)
{
    public MetricType Type => InstrumentKinds.MetricTypeOf(Kind);

    /// <summary>Gets the names the family writes in any format, as the registry counts them.</summary>
    public IEnumerable<string> ExposedNames
    {
        get
        {
            yield return Name;
            if (Type == MetricType.Counter)
            {
                var family = Name.Substring(0, Name.Length - "_total".Length);
                yield return family;
                yield return family + "_created";
            }
            else if (Type == MetricType.Histogram)
            {
                yield return Name + "_bucket";
                yield return Name + "_sum";
                yield return Name + "_count";
                yield return Name + "_created";
            }
        }
    }

    /// <summary>Describes how <paramref name="other"/> differs, or returns null when the two can share a family.</summary>
    public string? DescribeDifference(FamilyDefinition other)
    {
        if (other.Kind != Kind)
        {
            return $"it is a {other.Kind} and the other a {Kind}";
        }

        if (!string.Equals(other.Help, Help, StringComparison.Ordinal))
        {
            return $"its description \"{other.Help}\" differs from \"{Help}\"";
        }

        if (!string.Equals(other.Unit, Unit, StringComparison.Ordinal) || other.Scale != Scale)
        {
            return $"its unit '{other.Unit}' differs from '{Unit}'";
        }

        if (!(other.Buckets ?? []).AsSpan().SequenceEqual(Buckets ?? []))
        {
            return "its histogram buckets differ";
        }

        return ReferenceEquals(other.Native, Native) ? null : "its native histogram options differ";
    }
}
