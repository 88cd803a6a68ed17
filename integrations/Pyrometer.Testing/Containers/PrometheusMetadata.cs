namespace Pyrometer.Testing.Containers;

/// <summary>What Prometheus learnt about a metric from its targets' <c># TYPE</c>, <c># HELP</c> and <c># UNIT</c> lines
/// (<c>/api/v1/metadata</c>).</summary>
public sealed class PrometheusMetadata
{
    /// <summary>The metric family's name as a target's <c># TYPE</c> line gave it.</summary>
    public required string Metric { get; init; }

    /// <summary><c>counter</c>, <c>gauge</c>, <c>histogram</c>, <c>gaugehistogram</c>, <c>summary</c>, <c>info</c>, <c>stateset</c> or <c>unknown</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The help text; empty when none was exposed.</summary>
    public required string Help { get; init; }

    /// <summary>The unit (OpenMetrics <c># UNIT</c>); empty when none was exposed.</summary>
    public required string Unit { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Metric} {Type} \"{Help}\"{(Unit.Length > 0 ? $" unit={Unit}" : "")}";
}
