using System.IO.Compression;
using System.Xml.Linq;

namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>A .nupkg or .snupkg opened as the zip archive it is.</summary>
internal sealed class PackageArchive : IDisposable
{
    private readonly ZipArchive _zip;

    public PackageArchive(string path)
    {
        _zip = ZipFile.OpenRead(path);
        Path = path;
    }

    /// <summary>Gets the archive's path on disk.</summary>
    public string Path { get; }

    /// <summary>Gets the full names of the archive's files (forward slashes).</summary>
    public IReadOnlyList<string> Files => _zip.Entries.Select(e => e.FullName).ToArray();

    /// <summary>Gets the <c>lib/&lt;tfm&gt;/&lt;name&gt;.dll</c> files, the assemblies a consumer references.</summary>
    public IReadOnlyList<string> LibraryAssemblies =>
        Files.Where(f => f.StartsWith("lib/", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal)).ToArray();

    /// <summary>Gets the nuspec's <c>metadata</c> element.</summary>
    public XElement Metadata
    {
        get
        {
            var nuspec = _zip.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var stream = nuspec.Open();
            var root = XDocument.Load(stream).Root!;
            return root.Element(root.Name.Namespace + "metadata")!;
        }
    }

    /// <summary>Whether the archive holds <paramref name="name"/>.</summary>
    public bool Contains(string name) => _zip.GetEntry(name) is not null;

    /// <summary>The bytes of <paramref name="name"/>.</summary>
    public byte[] Read(string name)
    {
        var entry = _zip.GetEntry(name) ?? throw new FileNotFoundException($"{Path} holds no '{name}'.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The text of <paramref name="name"/> (UTF-8).</summary>
    public string ReadText(string name) => System.Text.Encoding.UTF8.GetString(Read(name));

    /// <summary>The text of the nuspec element <paramref name="name"/> under metadata, or null.</summary>
    public string? MetadataValue(string name) => Metadata.Element(Metadata.Name.Namespace + name)?.Value;

    public void Dispose() => _zip.Dispose();
}
