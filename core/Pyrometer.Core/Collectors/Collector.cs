using System.Text;
using Pyrometer.Exposition;

namespace Pyrometer;

/// <summary>
/// A metric family: a name, help text, a type and the series that share them. Create collectors through a
/// <see cref="MetricRegistry"/>; exposition formats read them through <see cref="MetricRegistry.CollectAsync"/>.
/// </summary>
public abstract class Collector
{
    private const string TotalSuffix = "_total";
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoConstLabels = [];
    private object?[]? _encodings;

    private protected Collector(string name, string help, MetricType type, CollectorOptions options, TimeProvider? defaultTime, string? reservedLabelName = null)
    {
        MetricNames.ValidateMetricName(name, nameof(name));
        MetricNames.ValidateHelp(help, nameof(help));
        Name = name;
        Help = help;
        Type = type;
        TimeProvider = options.TimeProvider ?? defaultTime ?? TimeProvider.System;
        EncodedName = Encoding.UTF8.GetBytes(name);

        var labelNames = options.LabelNames is { Count: > 0 } declared ? declared.ToArray() : [];
        for (var i = 0; i < labelNames.Length; i++)
        {
            ValidateLabelName(labelNames[i], reservedLabelName, name);
            if (Array.IndexOf(labelNames, labelNames[i], 0, i) >= 0)
            {
                throw new ArgumentException($"Label name '{labelNames[i]}' is declared twice on metric '{name}'.", nameof(options));
            }
        }

        LabelNameArray = labelNames;
        ReservedLabelName = reservedLabelName;
        ConstLabels = options.ConstLabels is { Count: > 0 } constLabels ? SortedPairs(constLabels) : NoConstLabels;
        foreach (var pair in ConstLabels)
        {
            ValidateLabelName(pair.Key, reservedLabelName, name);
            MetricNames.ValidateLabelValue(pair.Value, pair.Key, $"metric '{name}'", nameof(options));
            if (Array.IndexOf(labelNames, pair.Key) >= 0)
            {
                throw new ArgumentException($"Label '{pair.Key}' of metric '{name}' is both a const label and a declared label.", nameof(options));
            }
        }

        if (options.CardinalityLimit is { } limit)
        {
            if (limit <= 0)
            {
                throw new ArgumentException($"CardinalityLimit {limit} of metric '{name}' must be greater than zero (or null for no limit).", nameof(options));
            }

            if (Array.IndexOf(labelNames, OverflowLabelName) >= 0 || ConstLabels.Any(static p => p.Key == OverflowLabelName))
            {
                throw new ArgumentException($"Label name '{OverflowLabelName}' is reserved on metric '{name}', which has a CardinalityLimit: its overflow series carries it.", nameof(options));
            }

            CardinalityLimit = limit;
        }

        if (options.SeriesExpiry is { } expiry)
        {
            if (expiry <= TimeSpan.Zero)
            {
                throw new ArgumentException($"SeriesExpiry {expiry} of metric '{name}' must be greater than zero (or null for series that never expire).", nameof(options));
            }

            SeriesExpiry = expiry;
        }

        if (options.Unit is { } unit)
        {
            if (!MetricNames.IsValidLabelName(unit) || !HasUnitSuffix(name, unit, type))
            {
                throw new ArgumentException($"Metric '{name}' has unit '{unit}', so its name must end with '_{unit}'{(type == MetricType.Counter ? " (before '_total')" : string.Empty)}.", nameof(options));
            }

            Unit = unit;
        }
    }

    /// <summary>
    /// The name of the only label of a collector's overflow series, whose value is <c>true</c>: the series that takes
    /// the label sets beyond <see cref="CollectorOptions.CardinalityLimit"/> (the name OpenTelemetry uses).
    /// </summary>
    public const string OverflowLabelName = "otel_metric_overflow";

    /// <summary>Gets the metric name.</summary>
    public string Name { get; }

    /// <summary>Gets the most series this collector creates before it records new label sets into its overflow series, or null for no limit.</summary>
    public int? CardinalityLimit { get; }

    /// <summary>Gets how long a series may go without an update before it stops being exposed, or null when series never expire.</summary>
    public TimeSpan? SeriesExpiry { get; }

    /// <summary>Gets the metric name, encoded as UTF-8 once.</summary>
    public ReadOnlyMemory<byte> EncodedName { get; }

    /// <summary>Gets the help text.</summary>
    public string Help { get; }

    /// <summary>Gets the metric type.</summary>
    public MetricType Type { get; }

    /// <summary>Gets the unit, or null when none was set.</summary>
    public string? Unit { get; }

    /// <summary>Gets the declared label names; empty when series are addressed with free-form <see cref="Labels"/>.</summary>
    public IReadOnlyList<string> LabelNames => LabelNameArray;

    /// <summary>Gets the labels with fixed values that every series of this collector carries, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ConstLabels { get; }

    /// <summary>Gets the number of series the collector holds now.</summary>
    public abstract int SeriesCount { get; }

    /// <summary>
    /// Gets an exposition format's encoding of this family (typically its metadata: name, help, type, unit and
    /// the bucket or quantile labels), computing it with <paramref name="encode"/> the first time this key asks and
    /// returning the cached object afterwards, without allocating.
    /// </summary>
    /// <param name="key">The format's key, created once.</param>
    /// <param name="encode">Computes the encoding; it may run more than once when scrapes race, and the first result stored wins.</param>
    /// <exception cref="InvalidOperationException"><paramref name="encode"/> returned null.</exception>
    public T GetEncoding<T>(EncodingKey<T> key, Func<Collector, T> encode)
        where T : class =>
        EncodingSlots.Get(ref _encodings, Guard.NotNull(key), this, encode);

    internal TimeProvider TimeProvider { get; }

    internal string[] LabelNameArray { get; }

    internal MetricRegistry? Registry { get; set; }

    /// <summary>Gets the label the formats add to this collector's samples (<c>le</c>, <c>quantile</c>), or null.</summary>
    internal string? ReservedLabelName { get; }

    /// <summary>
    /// Gets every name this collector takes in an exposition, in any format: its sample names with their suffixes
    /// and its family names (OpenMetrics names a counter's family without <c>_total</c>). Two collectors of one
    /// registry must not share any.
    /// </summary>
    internal IEnumerable<string> ExposedNames
    {
        get
        {
            yield return Name;
            switch (Type)
            {
                case MetricType.Counter when Name.EndsWith(TotalSuffix, StringComparison.Ordinal):
                    var family = Name.Substring(0, Name.Length - TotalSuffix.Length);
                    yield return family;
                    yield return family + "_created";
                    break;
                case MetricType.Histogram:
                    yield return Name + "_bucket";
                    goto case MetricType.Summary;
                case MetricType.Summary:
                    yield return Name + "_sum";
                    yield return Name + "_count";
                    yield return Name + "_created";
                    break;
            }
        }
    }

    /// <summary>Removes every series. Handles kept by callers keep working but are no longer exposed.</summary>
    public abstract void Clear();

    /// <summary>Describes how this collector's definition differs from another's, or returns null when they are the same.</summary>
    internal virtual string? DescribeDifference(Collector other)
    {
        if (other.Type != Type)
        {
            return $"type {other.Type} differs from the registered {Type}";
        }

        if (!string.Equals(other.Help, Help))
        {
            return $"help \"{other.Help}\" differs from the registered \"{Help}\"";
        }

        if (!other.LabelNameArray.AsSpan().SequenceEqual(LabelNameArray))
        {
            return $"label names [{string.Join(", ", other.LabelNameArray)}] differ from the registered [{string.Join(", ", LabelNameArray)}]";
        }

        if (!other.ConstLabels.SequenceEqual(ConstLabels))
        {
            return "const labels differ from the registered ones";
        }

        if (other.CardinalityLimit != CardinalityLimit)
        {
            return $"CardinalityLimit {Describe(other.CardinalityLimit)} differs from the registered {Describe(CardinalityLimit)}";
        }

        if (other.SeriesExpiry != SeriesExpiry)
        {
            return $"SeriesExpiry {Describe(other.SeriesExpiry)} differs from the registered {Describe(SeriesExpiry)}";
        }

        return string.Equals(other.Unit, Unit) ? null : $"unit '{other.Unit}' differs from the registered '{Unit}'";
    }

    /// <summary>Runs before the collector is read for a scrape.</summary>
    internal virtual void PrepareForCollect()
    {
    }

    /// <summary>Gets the series label names this collector uses besides its const labels: the declared ones, or those of its free-form series.</summary>
    internal abstract IEnumerable<string> SeriesLabelNames();

    /// <summary>Brings an expired series back on its next update; see <see cref="MetricSeries.Lifecycle"/>.</summary>
    internal abstract MetricSeries? Revive(MetricSeries series);

    private static void ValidateLabelName(string labelName, string? reserved, string metricName, string paramName = "options")
    {
        MetricNames.ValidateLabelName(labelName, paramName);
        if (string.Equals(labelName, reserved))
        {
            throw new ArgumentException($"Label name '{reserved}' is reserved on metric '{metricName}': the exposition formats use it for {(reserved == "le" ? "bucket bounds" : "quantiles")}.", paramName);
        }
    }

    private static string Describe<T>(T? value)
        where T : struct => value?.ToString() ?? "none";

    private static bool HasUnitSuffix(string name, string unit, MetricType type)
    {
        var baseName = type == MetricType.Counter && name.EndsWith("_total", StringComparison.Ordinal)
            ? name.Substring(0, name.Length - "_total".Length)
            : name;
        return baseName.EndsWith("_" + unit, StringComparison.Ordinal);
    }

    private static KeyValuePair<string, string>[] SortedPairs(IReadOnlyDictionary<string, string> labels)
    {
        var pairs = labels.ToArray();
        Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return pairs;
    }
}
