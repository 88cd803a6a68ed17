using Google.Protobuf;
using Pyrometer.Formats.Protobuf.Tests.Infrastructure;
using Pyrometer.Formats.Text.Tests.Infrastructure;

namespace Pyrometer.Formats.Protobuf.Tests.Internal;

public partial class DelimitedProtobufFormatTests
{
    private const string GoldenName = "everything.pb";

    /// <summary>Set PYROMETER_UPDATE_GOLDEN=1 to rewrite the golden file; the test then fails so a rewrite never passes.</summary>
    [Fact]
    public async Task Write_Everything_MatchesGoldenFile()
    {
        var actual = await Decoded.BytesAsync(SampleRegistries.Everything());

        if (Environment.GetEnvironmentVariable("PYROMETER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(Path.Combine(SourceFolder(), GoldenName), actual);
            Assert.Fail($"Golden file {GoldenName} was rewritten: review it with protoc --decode_raw, then run again without PYROMETER_UPDATE_GOLDEN.");
        }

        Assert.Equal(ReadGolden(), actual);
    }

    [Fact]
    public void Golden_EachFamily_ProtocDecodesItRaw()
    {
        var messages = SplitDelimited(ReadGolden());

        Assert.Equal(6, messages.Count);
        foreach (var message in messages)
        {
            var text = Protoc.DecodeRaw(message);
            Assert.StartsWith("1: \"", text, StringComparison.Ordinal);
            Assert.Contains("4 {", text, StringComparison.Ordinal);
        }

        var counter = Protoc.DecodeRaw(messages[0]);
        Assert.Contains("1: \"http_requests_total\"", counter, StringComparison.Ordinal);
        Assert.Contains("3: 0", counter, StringComparison.Ordinal);
    }

    [Fact]
    public void Golden_Families_ProtocDecodesThemWithThePackageSchema()
    {
        var messages = SplitDelimited(ReadGolden());

        var counter = Protoc.Decode("MetricFamily", messages[0]);
        var histogram = Protoc.Decode("MetricFamily", messages.Single(m => Protoc.DecodeRaw(m).Contains("request_duration_seconds", StringComparison.Ordinal)));

        Assert.Contains("name: \"http_requests_total\"", counter, StringComparison.Ordinal);
        Assert.Contains("type: COUNTER", counter, StringComparison.Ordinal);
        Assert.Contains("value: 1000000", counter, StringComparison.Ordinal);
        Assert.Contains("type: HISTOGRAM", histogram, StringComparison.Ordinal);
        Assert.Contains("upper_bound: inf", histogram, StringComparison.Ordinal);
        Assert.Contains("unit: \"seconds\"", histogram, StringComparison.Ordinal);
    }

    private static List<byte[]> SplitDelimited(byte[] bytes)
    {
        var messages = new List<byte[]>();
        var input = new CodedInputStream(bytes);
        while (!input.IsAtEnd)
        {
            messages.Add(input.ReadBytes().ToByteArray());
        }

        return messages;
    }

    private static byte[] ReadGolden()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", GoldenName);
        Assert.True(File.Exists(path), $"Golden file {GoldenName} is missing; run the tests once with PYROMETER_UPDATE_GOLDEN=1 to create it.");
        return File.ReadAllBytes(path);
    }

    private static string SourceFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Pyrometer.Formats.Protobuf.Tests", "Golden");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Cannot find tests/Pyrometer.Formats.Protobuf.Tests/Golden above " + AppContext.BaseDirectory);
    }
}
