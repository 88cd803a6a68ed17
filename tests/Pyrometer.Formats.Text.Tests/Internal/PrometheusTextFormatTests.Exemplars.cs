using System.Text;
using Pyrometer.Formats.Text.Tests.Infrastructure;

namespace Pyrometer.Formats.Text.Tests.Internal;

public partial class PrometheusTextFormatTests
{
    [Fact]
    public async Task Write_Exemplars_MatchesGoldenFileWithoutThem()
    {
        var output = await Render.ToBytesAsync(Format, SampleRegistries.Exemplars());

        GoldenFile.AssertMatches("exemplars.prom", output);
        Assert.DoesNotContain(" # {", Encoding.UTF8.GetString(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_Exemplars_SameBytesAsWithoutExemplars()
    {
        var with = await Render.ToBytesAsync(Format, SampleRegistries.Exemplars());
        var without = await Render.ToBytesAsync(Format, SampleRegistries.Exemplars(recordExemplars: false));

        Assert.Equal(without, with);
    }
}
