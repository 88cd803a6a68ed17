using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>What the tests read from a packed dll, without loading it.</summary>
internal static class AssemblyFile
{
    /// <summary>The documentation ids (<c>T:Namespace.Type`1</c>) of the types a consumer can see.</summary>
    public static IReadOnlyList<string> PublicTypeDocumentationIds(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Where(type => IsVisible(metadata, type))
            .Select(type => "T:" + FullName(metadata, type))
            .ToArray();
    }

    /// <summary>The id of the PDB the dll was built with, from its CodeView debug directory entry.</summary>
    public static Guid PdbId(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        var codeView = pe.ReadDebugDirectory().Single(entry => entry.Type == DebugDirectoryEntryType.CodeView);
        return pe.ReadCodeViewDebugDirectoryData(codeView).Guid;
    }

    private static bool IsVisible(MetadataReader metadata, TypeDefinition type)
    {
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (!type.GetDeclaringType().IsNil)
        {
            return (visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem)
                && IsVisible(metadata, metadata.GetTypeDefinition(type.GetDeclaringType()));
        }

        return visibility == TypeAttributes.Public;
    }

    private static string FullName(MetadataReader metadata, TypeDefinition type)
    {
        var name = metadata.GetString(type.Name);
        if (!type.GetDeclaringType().IsNil)
        {
            return FullName(metadata, metadata.GetTypeDefinition(type.GetDeclaringType())) + "." + name;
        }

        var ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
