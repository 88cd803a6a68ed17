using Pyrometer.TestUtils;

namespace Pyrometer.Formats.Protobuf.Tests.Infrastructure;

/// <summary>Runs <c>protoc --decode_raw</c> or <c>--decode</c> on one message, Google's own reading of the wire format.</summary>
internal static class Protoc
{
    public static string DecodeRaw(ReadOnlySpan<byte> message) => Run(["--decode_raw"], message);

    /// <summary>Decodes one message as <c>io.prometheus.client.&lt;type&gt;</c> of the package's metrics.proto.</summary>
    public static string Decode(string type, ReadOnlySpan<byte> message)
    {
        var schema = Path.Combine(AppContext.BaseDirectory, "Schema", "metrics.proto");
        Assert.True(File.Exists(schema), "metrics.proto was not copied next to the tests.");
        return Run([$"--proto_path={Path.GetDirectoryName(schema)}", $"--decode=io.prometheus.client.{type}", "metrics.proto"], message);
    }

    private static string Run(string[] arguments, ReadOnlySpan<byte> message)
    {
        var protoc = ToolProcess.FindOnPath("protoc");
        if (protoc is null)
        {
            Assert.Fail("protoc is not installed (Debian package 'protobuf-compiler'): run eng/install-test-deps.sh to install the test dependencies.");
        }

        var result = ToolProcess.Run(protoc, arguments, message);
        Assert.True(result.ExitCode == 0, $"protoc {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}");
        return result.Output;
    }
}
