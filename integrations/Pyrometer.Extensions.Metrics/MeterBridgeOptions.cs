using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Pyrometer.Extensions.Metrics;

/// <summary>Options of a <see cref="MeterBridge"/>: which meters it exports and how their instruments become families.</summary>
public sealed class MeterBridgeOptions
{
    /// <summary>The default of <see cref="CardinalityLimit"/>: 2000 series per instrument, as the OpenTelemetry SDK.</summary>
    public const int DefaultCardinalityLimit = 2000;

    /// <summary>
    /// Gets the names of the meters to export. An entry ending in <c>*</c> is a prefix (<c>Microsoft.AspNetCore.*</c>
    /// takes every meter whose name starts with <c>Microsoft.AspNetCore.</c>); names compare case-insensitively.
    /// A meter is exported when it matches an entry or <see cref="MeterFilter"/>. Default: empty, and with no
    /// <see cref="MeterFilter"/> either every meter is exported.
    /// </summary>
    public IList<string> Meters { get; } = new List<string>();

    /// <summary>
    /// Gets the names of meters never exported, even when <see cref="Meters"/> or <see cref="MeterFilter"/> select
    /// them, with the same syntax as <see cref="Meters"/> (<c>System.Runtime</c>, or a prefix ending in <c>*</c>).
    /// For example <c>System.Runtime</c> when the registry has <c>AddRuntimeMetrics()</c>, whose names the runtime's
    /// own meter would write too. Default: empty.
    /// </summary>
    public IList<string> ExcludedMeters { get; } = new List<string>();

    /// <summary>
    /// Gets or sets a predicate that selects meters besides <see cref="Meters"/>. It runs once per instrument, when
    /// the instrument is published, never per measurement. Default: none.
    /// </summary>
    public Func<Meter, bool>? MeterFilter { get; set; }

    /// <summary>
    /// Gets or sets whether every series carries the meter's name and version as the labels <c>otel_scope_name</c>
    /// and <c>otel_scope_version</c> (the version only when the meter has one), as OpenTelemetry's Prometheus
    /// exporter writes them. Default: false.
    /// </summary>
    public bool IncludeMeterLabels { get; set; }

    /// <summary>
    /// Gets or sets the classic bucket upper bounds of histograms whose instrument gives no bucket advice (advice,
    /// <c>InstrumentAdvice.HistogramBucketBoundaries</c>, is read by this package's net10.0 build, so in apps that
    /// target .NET 10 or later; earlier targets use these buckets for every histogram). Default: null,
    /// which takes <see cref="Buckets.Default"/> (5 ms to 10 s) for instruments in seconds and OpenTelemetry's
    /// default boundaries (0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000) for the others.
    /// </summary>
    public IReadOnlyList<double>? HistogramBuckets { get; set; }

    /// <summary>
    /// Gets or sets native (exponential) bucket options for every bridged histogram. When set, histograms have
    /// native buckets and, unless <see cref="HistogramBuckets"/> is set too, no classic buckets (advice is then not
    /// used). Default: none, classic histograms.
    /// </summary>
    public NativeHistogramOptions? NativeHistograms { get; set; }

    /// <summary>
    /// Gets or sets whether instruments in milliseconds (unit <c>ms</c>) are exported in seconds, with the suffix
    /// <c>_seconds</c> and their values and bucket advice divided by 1000, as Prometheus' base-unit convention asks.
    /// Default: false, which keeps the values and names them <c>_milliseconds</c>, as OpenTelemetry's exporter does.
    /// </summary>
    public bool ConvertMillisecondsToSeconds { get; set; }

    /// <summary>
    /// Gets or sets the cardinality limit of each bridged family: the most series it creates (it is the collector's
    /// <see cref="CollectorOptions.CardinalityLimit"/>). Once a family holds that many, measurements with a new tag
    /// set are recorded into one overflow series labelled only <c>otel_metric_overflow="true"</c>, as the
    /// OpenTelemetry SDK does, and a warning naming the instrument is logged once (to <see cref="LoggerFactory"/>).
    /// The overflow series is not counted in the limit. It is also the number of tag sets each instrument keeps in
    /// its lookup that records without allocating. Must be at least 1.
    /// Default: <see cref="DefaultCardinalityLimit"/> (2000), the OpenTelemetry SDK's limit.
    /// </summary>
    public int CardinalityLimit { get; set; } = DefaultCardinalityLimit;

    /// <summary>
    /// Gets or sets the logger factory for warnings about instruments that cannot be exported (a name that collides
    /// with another family, a tag set the registry rejects) and about families that reached their
    /// <see cref="CardinalityLimit"/>. Default: none, nothing is logged.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
