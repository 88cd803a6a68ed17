using System.Xml.Linq;

namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>The NuGet.config of a consumer project that restores Pyrometer from artifacts/packages.</summary>
internal static class ConsumerNuGetConfig
{
    /// <summary>
    /// Writes the repository's NuGet.config plus artifacts/packages as a source into <paramref name="directory"/>.
    /// Without a &lt;clear /&gt;, the machine's configured sources still apply, so dependencies restore.
    /// </summary>
    public static void Write(string directory)
    {
        var config = XDocument.Load(Path.Combine(Repository.Root, "NuGet.config"));
        var root = config.Root!;
        Section(root, "packageSources").Add(
            new XElement("add", new XAttribute("key", "pyrometer-artifacts"), new XAttribute("value", Repository.PackagesDirectory)));
        config.Save(Path.Combine(directory, "NuGet.config"));
    }

    private static XElement Section(XElement root, string name)
    {
        if (root.Element(name) is { } existing)
        {
            return existing;
        }

        var section = new XElement(name);
        root.Add(section);
        return section;
    }
}
