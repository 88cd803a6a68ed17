namespace Pyrometer.Testing;

/// <summary>What <see cref="MetricsText.Compare(string, string, TextComparison)"/> ignores.</summary>
[Flags]
public enum TextComparison
{
    /// <summary>Line by line, exactly.</summary>
    Exact = 0,

    /// <summary>Ignores <c># HELP</c> lines.</summary>
    IgnoreHelp = 1,

    /// <summary>Ignores the order of the lines (families and series in any order).</summary>
    IgnoreOrder = 2,
}
