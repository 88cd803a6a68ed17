using Pyrometer.TestUtils;

namespace Pyrometer.Formats.Protobuf.Tests.Integration;

/// <summary>Tests in which a real Prometheus scrapes a <see cref="ProtobufScrapedServer"/> of their own class.</summary>
public abstract class ScrapedServerTests<TPrometheus> : IClassFixture<ProtobufScrapedServer>
    where TPrometheus : PrometheusFixture
{
    protected const string Selector = "job=\"" + ProtobufScrapedServer.Job + "\"";

    protected ScrapedServerTests(TPrometheus prometheus, ProtobufScrapedServer server)
    {
        Prometheus = prometheus;
        Server = server;
        server.EnsureScraped(prometheus);
    }

    protected TPrometheus Prometheus { get; }

    protected ProtobufScrapedServer Server { get; }
}
