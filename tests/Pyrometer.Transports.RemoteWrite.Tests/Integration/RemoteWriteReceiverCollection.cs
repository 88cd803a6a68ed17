using Pyrometer.TestUtils;

namespace Pyrometer.Transports.RemoteWrite.Tests.Integration;

/// <summary>One real Prometheus acting as remote-write receiver, shared by this assembly's tests; each test uses its own job label.</summary>
[CollectionDefinition(Name)]
public sealed class RemoteWriteReceiverCollection : ICollectionFixture<RemoteWriteReceiverPrometheusFixture>
{
    public const string Name = "RemoteWriteReceiver";
}
