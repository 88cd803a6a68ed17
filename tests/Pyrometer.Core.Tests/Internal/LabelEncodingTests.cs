using System.Text;
using Pyrometer.Internal;

namespace Pyrometer.Core.Tests.Internal;

public class LabelEncodingTests
{
    [Fact]
    public void Encode_Nothing_Empty()
    {
        Assert.Empty(LabelEncoding.Encode([], [], []));
    }

    [Fact]
    public void Encode_FirstThenNamesAndValues_CommaSeparated()
    {
        var bytes = LabelEncoding.Encode([new("c", "1")], ["a", "b"], ["x", "y"]);

        Assert.Equal("c=\"1\",a=\"x\",b=\"y\"", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Encode_SpecialCharacters_OnlyBackslashQuoteAndNewlineEscaped()
    {
        var bytes = LabelEncoding.Encode([], ["v"], ["\\ \" \n \r \t ü 🔥"]);

        Assert.Equal(Encoding.UTF8.GetBytes("v=\"\\\\ \\\" \\n \r \t ü 🔥\""), bytes);
    }
}
