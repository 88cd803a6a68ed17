namespace Pyrometer.Core.Tests;

public class ExemplarTests
{
    [Fact]
    public void Constructor_Labels_KeepsThemInOrder()
    {
        var exemplar = new Exemplar(new Labels { ["trace_id"] = "abc", ["span_id"] = "12" });

        Assert.Equal([new("trace_id", "abc"), new("span_id", "12")], exemplar.Labels);
    }

    [Fact]
    public void From_NameAndValue_HasThatOneLabel()
    {
        var exemplar = Exemplar.From("trace_id", "4bf92f3577b34da6");

        Assert.Equal([new("trace_id", "4bf92f3577b34da6")], exemplar.Labels);
    }

    [Fact]
    public void From_Pairs_KeepsTheirOrder()
    {
        var exemplar = Exemplar.From(("trace_id", "t"), ("span_id", "s"), ("a", "b"));

        Assert.Equal([new("trace_id", "t"), new("span_id", "s"), new KeyValuePair<string, string>("a", "b")], exemplar.Labels);
    }

    [Fact]
    public void From_NoPairs_HasNoLabels()
    {
        var exemplar = Exemplar.From();

        Assert.Empty(exemplar.Labels);
    }

    [Fact]
    public void Constructor_ExactlyTheLimitCountingNonAsciiAsCodePoints_Accepted()
    {
        // 8 ("trace_id") + 120 letters: 'ü' is two UTF-8 bytes and '😀' four (a surrogate pair in .NET), one code point each.
        var value = new string('ü', 60) + string.Concat(Enumerable.Repeat("😀", 30)) + new string('a', 30);

        var exemplar = new Exemplar(new Labels { ["trace_id"] = value });

        Assert.Equal(Exemplar.MaxLabelCodePoints, 8 + value.EnumerateRunes().Count());
        Assert.Equal(value, exemplar.Labels[0].Value);
    }

    [Fact]
    public void Constructor_OneCodePointOverTheLimit_ThrowsNamingLimitAndLength()
    {
        var value = new string('ü', 60) + string.Concat(Enumerable.Repeat("😀", 30)) + new string('a', 31);

        var ex = Assert.Throws<ArgumentException>(() => new Exemplar(new Labels { ["trace_id"] = value }));

        Assert.Equal("labels", ex.ParamName);
        Assert.Contains("at most 128 UTF-8 code points", ex.Message, StringComparison.Ordinal);
        Assert.Contains("these have 129", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NamesAndValuesTogetherOverTheLimit_Throws()
    {
        // 64 + 64 + 1: each label alone would fit.
        var ex = Assert.Throws<ArgumentException>(() => Exemplar.From((new string('a', 32), new string('b', 32)), (new string('c', 32), new string('d', 33))));

        Assert.Contains("these have 129", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NameAndValueExactlyAtTheLimit_Accepted()
    {
        var exemplar = Exemplar.From("id", new string('x', 126));

        Assert.Equal(126, exemplar.Labels[0].Value.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1trace")]
    [InlineData("trace-id")]
    [InlineData("trace.id")]
    [InlineData("trace_ïd")]
    [InlineData("__reserved")]
    public void From_InvalidLabelName_Throws(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => Exemplar.From(name, "x"));

        Assert.Contains("not a valid label name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidLabelName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Exemplar(new Labels { ["trace id"] = "x" }));
    }

    [Fact]
    public void From_SameNameTwice_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Exemplar.From(("trace_id", "a"), ("trace_id", "b")));

        Assert.Contains("'trace_id' appears twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NullValue_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Exemplar.From("trace_id", null!));
        Assert.Throws<ArgumentNullException>(() => Exemplar.From(("trace_id", null!)));
        Assert.Throws<ArgumentNullException>(() => new Exemplar(null!));
    }
}
