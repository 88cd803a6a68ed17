namespace Pyrometer.Transports.RemoteWrite.Tests.Integration;

/// <summary>One exemplar as Prometheus returns it: the labels of its series, its own labels, value and timestamp.</summary>
internal sealed record StoredExemplar(IReadOnlyDictionary<string, string> SeriesLabels, IReadOnlyDictionary<string, string> Labels, double Value, DateTimeOffset Timestamp);
