using Pyrometer.Transports.RemoteWrite.Proto;
using Snappier;

namespace Pyrometer.Transports.RemoteWrite.Tests;

/// <summary>Decodes request bodies with the types generated from the transport's proto files.</summary>
internal static class WriteRequests
{
    public static WriteRequest Decode(byte[] body) => WriteRequest.Parser.ParseFrom(Snappy.DecompressToArray(body));

    /// <summary>Gets every series of the requests keyed by its labels as <c>name{a="x",b="y"}</c> in the order sent.</summary>
    public static Dictionary<string, TimeSeries> ByKey(IEnumerable<byte[]> bodies)
    {
        var all = new Dictionary<string, TimeSeries>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            foreach (var series in Decode(body).Timeseries)
            {
                all[Key(series)] = series;
            }
        }

        return all;
    }

    public static string Key(TimeSeries series) =>
        series.Labels.Single(l => l.Name == "__name__").Value
        + "{" + string.Join(",", series.Labels.Where(l => l.Name != "__name__").Select(l => $"{l.Name}=\"{l.Value}\"")) + "}";

    public static double Value(this TimeSeries series) => Assert.Single(series.Samples).Value;
}
