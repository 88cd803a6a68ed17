using Pyrometer.Formats.Text.Internal;

namespace Pyrometer.Formats.Text.Tests.Internal;

public class HelpTextTests
{
    [Theory]
    [InlineData("plain text", false, "plain text")]
    [InlineData("C:\\dir \"q\"\nnext", false, "C:\\\\dir \"q\"\\nnext")]
    [InlineData("C:\\dir \"q\"\nnext", true, "C:\\\\dir \\\"q\\\"\\nnext")]
    [InlineData("ünïcödé 日本", true, "ünïcödé 日本")]
    public void Escape_Help_EscapesPerFormat(string help, bool escapeQuotes, string expected)
    {
        Assert.Equal(expected, HelpText.Escape(help, escapeQuotes));
    }
}
