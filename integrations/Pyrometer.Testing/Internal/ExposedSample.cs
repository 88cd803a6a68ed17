namespace Pyrometer.Testing.Internal;

/// <summary>One sample line of a text exposition: its metric name, labels and value.</summary>
internal sealed record ExposedSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
