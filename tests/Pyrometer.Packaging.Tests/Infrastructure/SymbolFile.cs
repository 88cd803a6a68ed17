using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Text;

namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>What the tests read from a packed portable PDB.</summary>
internal static class SymbolFile
{
    /// <summary>The kind of custom debug information that holds SourceLink's JSON (from the portable PDB spec).</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    /// <summary>The kind of custom debug information that holds a document's embedded text.</summary>
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    /// <summary>The PDB's id, which the dll built with it records.</summary>
    public static Guid Id(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbImage(ImmutableArray.Create(pdb));
        var id = provider.GetMetadataReader().DebugMetadataHeader!.Id;
        return new Guid(id.AsSpan(0, 16));
    }

    /// <summary>The SourceLink JSON embedded in the PDB, or null when there is none.</summary>
    public static string? SourceLink(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbImage(ImmutableArray.Create(pdb));
        var metadata = provider.GetMetadataReader();
        foreach (var handle in metadata.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var information = metadata.GetCustomDebugInformation(handle);
            if (metadata.GetGuid(information.Kind) == SourceLinkKind)
            {
                return Encoding.UTF8.GetString(metadata.GetBlobBytes(information.Value));
            }
        }

        return null;
    }

    /// <summary>The paths of the source files whose text the PDB carries (EmbedUntrackedSources: those outside git).</summary>
    public static IReadOnlyList<string> EmbeddedSources(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbImage(ImmutableArray.Create(pdb));
        var metadata = provider.GetMetadataReader();
        return metadata.Documents
            .Where(document => metadata.GetCustomDebugInformation(document)
                .Any(handle => metadata.GetGuid(metadata.GetCustomDebugInformation(handle).Kind) == EmbeddedSourceKind))
            .Select(document => metadata.GetString(metadata.GetDocument(document).Name))
            .ToArray();
    }
}
