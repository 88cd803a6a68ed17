using Pyrometer.Exposition;

namespace Pyrometer.Formats.Text.Internal;

/// <summary>
/// The Prometheus text exposition format 0.0.4: <c># HELP</c> and <c># TYPE</c> lines, then one line per sample.
/// The format has no exemplars, so recorded ones are left out.
/// </summary>
internal sealed class PrometheusTextFormat : TextExpositionFormat
{
    public static readonly PrometheusTextFormat Instance = new();

    private PrometheusTextFormat()
    {
    }

    public override string Name => "text";

    public override string MediaType => "text/plain";

    public override string ContentType => "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Satisfies <c>text/plain</c> without a version or with <c>version=0.0.4</c>; other parameters are ignored.</summary>
    public override bool Satisfies(MediaRange range)
    {
        Guard.NotNull(range);
        return string.Equals(range.Type, "text", StringComparison.OrdinalIgnoreCase)
            && string.Equals(range.Subtype, "plain", StringComparison.OrdinalIgnoreCase)
            && range.GetParameter("version") is null or "0.0.4";
    }

    protected override FamilyLayout CreateLayout(Collector collector)
    {
        var name = collector.Name;
        var header =
            $"# HELP {name} {HelpText.Escape(collector.Help, escapeQuotes: false)}\n" +
            $"# TYPE {name} {TypeName(collector.Type)}\n";
        return new FamilyLayout(collector, header, name, writesCreated: false, writesSumAndCount: true, writesExemplars: false, sumIsCounter: false, NumberFormatter.FormatDouble);
    }
}
