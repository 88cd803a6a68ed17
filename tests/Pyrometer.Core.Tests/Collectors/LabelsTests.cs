namespace Pyrometer.Core.Tests;

public class LabelsTests
{
    [Fact]
    public void Indexer_SetNew_AddsInOrder()
    {
        var labels = new Labels { ["b"] = "2", ["a"] = "1" };

        Assert.Equal(2, labels.Count);
        Assert.Equal([new("b", "2"), new KeyValuePair<string, string>("a", "1")], labels);
        Assert.Equal("1", labels["a"]);
    }

    [Fact]
    public void Indexer_SetExisting_ReplacesValue()
    {
        var labels = new Labels { ["a"] = "1" };

        labels["a"] = "2";

        Assert.Single(labels);
        Assert.Equal("2", labels["a"]);
    }

    [Fact]
    public void Indexer_GetMissing_ThrowsNamingLabel()
    {
        var labels = new Labels();

        var ex = Assert.Throws<KeyNotFoundException>(() => labels["missing"]);

        Assert.Contains("missing", ex.Message);
    }

    [Fact]
    public void Indexer_SetNullValue_Throws()
    {
        var labels = new Labels();

        Assert.Throws<ArgumentNullException>(() => labels["a"] = null!);
    }

    [Fact]
    public void Add_Duplicate_ThrowsNamingLabel()
    {
        var labels = new Labels { { "a", "1" } };

        var ex = Assert.Throws<ArgumentException>(() => labels.Add("a", "2"));

        Assert.Contains("'a'", ex.Message);
        Assert.Equal("1", labels["a"]);
    }

    [Fact]
    public void Add_NullNameOrValue_Throws()
    {
        var labels = new Labels();

        Assert.Throws<ArgumentNullException>(() => labels.Add(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => labels.Add("x", null!));
        Assert.Empty(labels);
    }

    [Fact]
    public void TryGetValue_PresentAndMissing_ReportsBoth()
    {
        var labels = new Labels { ["a"] = "1" };

        Assert.True(labels.TryGetValue("a", out var value));
        Assert.Equal("1", value);
        Assert.False(labels.TryGetValue("b", out var missing));
        Assert.Null(missing);
    }

    [Fact]
    public void Constructor_Pairs_CopiesThem()
    {
        var labels = new Labels(new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" });

        Assert.Equal(2, labels.Count);
        Assert.Equal("2", labels["y"]);
    }

    [Fact]
    public void Constructor_DuplicatePairs_Throws()
    {
        KeyValuePair<string, string>[] pairs = [new("x", "1"), new("x", "2")];

        Assert.Throws<ArgumentException>(() => new Labels(pairs));
    }

    [Fact]
    public void ImplicitConversion_Dictionary_KeepsPairs()
    {
        Labels labels = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };

        Assert.Equal(2, labels.Count);
        Assert.Equal("1", labels["a"]);
        Assert.Equal("2", labels["b"]);
    }

    [Fact]
    public void ImplicitConversion_NullDictionary_Null()
    {
        Dictionary<string, string>? none = null;

        Labels? labels = none;

        Assert.Null(labels);
    }

    [Fact]
    public void FromDictionary_ReadOnlyDictionary_KeepsPairs()
    {
        IReadOnlyDictionary<string, string> source = new Dictionary<string, string> { ["a"] = "1" };

        var labels = Labels.FromDictionary(source);

        Assert.Equal("1", labels["a"]);
    }

    [Fact]
    public void ReadOnlyDictionary_Members_ReflectTheSet()
    {
        Check(new Labels { ["route"] = "/", ["method"] = "GET" });

        static void Check(IReadOnlyDictionary<string, string> labels)
        {
            Assert.True(labels.ContainsKey("route"));
            Assert.False(labels.ContainsKey("code"));
            Assert.Equal(["route", "method"], labels.Keys);
            Assert.Equal(["/", "GET"], labels.Values);
            Assert.True(labels.TryGetValue("method", out var method));
            Assert.Equal("GET", method);
        }
    }
}
