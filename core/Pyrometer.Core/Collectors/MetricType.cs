namespace Pyrometer;

/// <summary>The kind of a collector, as exposition formats name it.</summary>
public enum MetricType
{
    /// <summary>A value that only goes up (and resets when the process restarts).</summary>
    Counter,

    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>Observations summarised as streaming quantiles, a sum and a count.</summary>
    Summary,

    /// <summary>Observations counted into cumulative buckets, with a sum and a count.</summary>
    Histogram,
}
