using Pyrometer.Packaging.Tests.Infrastructure;

namespace Pyrometer.Packaging.Tests;

// The README checks are only as good as the link finder: these pin what it finds and what it lets through.
public class MarkdownLinksTests
{
    [Theory]
    [InlineData("See [Pyrometer](../../README.md).", "../../README.md")]
    [InlineData("![logo](images/logo.png \"Logo\")", "images/logo.png")]
    [InlineData("[sample](<samples/Simple Example>)", "samples/Simple Example")]
    [InlineData("[docs]\n\n[docs]: docs/index.md", "docs/index.md")]
    [InlineData("<a href=\"CHANGELOG.md\">changes</a>", "CHANGELOG.md")]
    [InlineData("[empty]()", "")]
    public void Targets_RelativeLink_IsFoundAndDoesNotStandAlone(string markdown, string target)
    {
        var targets = MarkdownLinks.Targets(markdown);

        Assert.Equal([target], targets);
        Assert.False(MarkdownLinks.StandsAlone(target));
    }

    [Theory]
    [InlineData("[Pyrometer](https://github.com/pyrometer-dotnet/pyrometer#readme)")]
    [InlineData("[spec](http://example.invalid/spec \"Spec\")")]
    [InlineData("[options](#options)")]
    [InlineData("<https://prometheus.io>")]
    public void Targets_AbsoluteOrInPageLink_StandsAlone(string markdown)
    {
        var targets = MarkdownLinks.Targets(markdown);

        Assert.Single(targets);
        Assert.True(MarkdownLinks.StandsAlone(targets[0]));
    }

    [Theory]
    [InlineData("```csharp\nvar x = a[0](b);\n```")]
    [InlineData("Index with `values[i](x)` in code.")]
    [InlineData("| `Host` | `127.0.0.1` | Address. |")]
    public void Targets_CodeOnly_FindsNothing(string markdown)
    {
        Assert.Empty(MarkdownLinks.Targets(markdown));
    }
}
