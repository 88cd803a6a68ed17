using System.Text.RegularExpressions;

namespace Pyrometer.Samples.Tests.Infrastructure;

/// <summary>Checks that every series of a family carries the same label names (apart from <c>le</c> and <c>quantile</c>).</summary>
internal static partial class SeriesLabels
{
    public static void AssertConsistent(string text)
    {
        var families = text.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(match => match.Success)
            .GroupBy(match => FamilyOf(match.Groups["name"].Value), match => LabelNames(match.Groups["labels"].Value));
        foreach (var family in families)
        {
            var distinct = family.Distinct().ToList();
            Assert.True(distinct.Count == 1, $"The series of {family.Key} differ in their labels ({string.Join(" / ", distinct)}):\n{text}");
        }
    }

    private static string FamilyOf(string name) =>
        Regex.Replace(name, "_(bucket|sum|count)$", string.Empty);

    private static string LabelNames(string labels) =>
        string.Join(',', LabelName().Matches(labels).Select(match => match.Groups[1].Value).Where(name => name is not ("le" or "quantile")));

    [GeneratedRegex("^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?<labels>[^}]*)\\})? ")]
    private static partial Regex SampleLine();

    [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex LabelName();
}
