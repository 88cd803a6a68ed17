namespace Pyrometer.Transports.Pushgateway.Tests.Integration;

/// <summary>One group as the Pushgateway's <c>/api/v1/metrics</c> reports it.</summary>
/// <param name="Labels">The grouping key, job included.</param>
/// <param name="Samples">Per metric family name, its samples' labels and values.</param>
internal sealed record PushedGroup(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> Samples);
