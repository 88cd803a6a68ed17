using System.Text.RegularExpressions;

namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>The targets of the links and images in a Markdown text, outside code.</summary>
internal static partial class MarkdownLinks
{
    /// <summary>
    /// The targets of inline links and images (<c>[text](target "title")</c>, <c>![alt](target)</c>), reference
    /// definitions (<c>[id]: target</c>), autolinks (<c>&lt;target&gt;</c>) and HTML <c>href</c>/<c>src</c>
    /// attributes. Fenced code blocks and code spans are skipped: what they hold is code, not links.
    /// </summary>
    public static IReadOnlyList<string> Targets(string markdown)
    {
        var prose = CodeSpan().Replace(FencedCode().Replace(markdown, string.Empty), string.Empty);
        return InlineLink().Matches(prose).Select(m => m.Groups["target"].Value)
            .Concat(ReferenceDefinition().Matches(prose).Select(m => m.Groups["target"].Value))
            .Concat(AutoLink().Matches(prose).Select(m => m.Groups["target"].Value))
            .Concat(HtmlAttribute().Matches(prose).Select(m => m.Groups["target"].Value))
            .ToArray();
    }

    /// <summary>Whether a link target still works when the text is shown away from the repository (a package page).</summary>
    public static bool StandsAlone(string target) =>
        target.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || target.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || (target.StartsWith('#') && target.Length > 1);

    [GeneratedRegex(@"^[ ]{0,3}(```|~~~).*?^[ ]{0,3}\1[^\n]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"(`+)[^`].*?\1", RegexOptions.Singleline)]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\]\(\s*(?:<(?<target>[^>]*)>|(?<target>[^\s)]*))(?:\s+(?:""[^""]*""|'[^']*'|\([^)]*\)))?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^[ ]{0,3}\[[^\]]+\]:\s*<?(?<target>[^\s>]+)>?", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"<(?<target>[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"\b(?:href|src)\s*=\s*[""'](?<target>[^""']*)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlAttribute();
}
