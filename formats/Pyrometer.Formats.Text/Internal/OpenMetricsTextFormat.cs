using System.Text;
using Pyrometer.Exposition;

namespace Pyrometer.Formats.Text.Internal;

/// <summary>
/// The OpenMetrics 1.0.0 text format: <c># TYPE</c>, <c># UNIT</c> and <c># HELP</c> lines named after the
/// family (a counter's name without <c>_total</c>), <c>_created</c> samples, canonical <c>le</c> and
/// <c>quantile</c> values, exemplars on counter samples and histogram buckets, and a closing <c># EOF</c>.
/// </summary>
internal sealed class OpenMetricsTextFormat : TextExpositionFormat
{
    public static readonly OpenMetricsTextFormat Instance = new();

    private const string TotalSuffix = "_total";

    private OpenMetricsTextFormat()
    {
    }

    public override string Name => "openmetrics";

    public override string MediaType => "application/openmetrics-text";

    public override string ContentType => "application/openmetrics-text; version=1.0.0; charset=utf-8";

    protected override ReadOnlySpan<byte> Trailer => "# EOF\n"u8;

    /// <summary>
    /// Satisfies <c>application/openmetrics-text</c> without a version (which means 1.0.0) or with
    /// <c>version=1.0.0</c>; other parameters, such as <c>escaping</c>, are ignored: names are always in the legacy
    /// character set, which every escaping scheme leaves as it is.
    /// </summary>
    public override bool Satisfies(MediaRange range)
    {
        Guard.NotNull(range);
        return string.Equals(range.Type, "application", StringComparison.OrdinalIgnoreCase)
            && string.Equals(range.Subtype, "openmetrics-text", StringComparison.OrdinalIgnoreCase)
            && range.GetParameter("version") is null or "1.0.0";
    }

    protected override FamilyLayout CreateLayout(Collector collector)
    {
        var name = collector.Name;
        var family = name;
        var type = TypeName(collector.Type);
        var writesCreated = collector.Type != MetricType.Gauge;
        if (collector.Type == MetricType.Counter)
        {
            if (name.EndsWith(TotalSuffix, StringComparison.Ordinal))
            {
                family = name.Substring(0, name.Length - TotalSuffix.Length);
            }
            else
            {
                // OpenMetrics counter samples must end with _total; rather than rename the user's metric,
                // expose it unchanged as a single-valued metric of unknown type.
                type = "unknown";
                writesCreated = false;
            }
        }

        var header = new StringBuilder()
            .Append("# TYPE ").Append(family).Append(' ').Append(type).Append('\n');
        if (collector.Unit is { } unit)
        {
            header.Append("# UNIT ").Append(family).Append(' ').Append(unit).Append('\n');
        }

        header.Append("# HELP ").Append(family).Append(' ').Append(HelpText.Escape(collector.Help, escapeQuotes: true)).Append('\n');

        // A histogram with a negative bucket bound must not expose a sum, and then not a count either.
        var writesSumAndCount = collector is not Histogram histogram || !(histogram.UpperBounds[0] < 0);
        // OpenMetrics allows exemplars on counter _total samples and histogram buckets only, so not on "unknown".
        var writesExemplars = type is "counter" or "histogram";
        return new FamilyLayout(collector, header.ToString(), family, writesCreated, writesSumAndCount, writesExemplars, sumIsCounter: true, NumberFormatter.FormatCanonical);
    }
}
