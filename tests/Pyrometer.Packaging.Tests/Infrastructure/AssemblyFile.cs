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

    /// <summary>The public top-level types of the dll, each with its namespace and whether it holds extension methods.</summary>
    public static IReadOnlyList<PublicType> PublicTopLevelTypes(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Where(type => type.GetDeclaringType().IsNil && IsVisible(metadata, type))
            .Select(type => new PublicType(metadata.GetString(type.Namespace), metadata.GetString(type.Name), HasExtensionAttribute(metadata, type)))
            .ToArray();
    }

    /// <summary>The id of the PDB the dll was built with, from its CodeView debug directory entry.</summary>
    public static Guid PdbId(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        var codeView = pe.ReadDebugDirectory().Single(entry => entry.Type == DebugDirectoryEntryType.CodeView);
        return pe.ReadCodeViewDebugDirectoryData(codeView).Guid;
    }

    /// <summary>Whether the compiler marked the dll reproducible (a deterministic build's debug directory entry).</summary>
    public static bool IsDeterministic(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        return pe.ReadDebugDirectory().Any(entry => entry.Type == DebugDirectoryEntryType.Reproducible);
    }

    /// <summary>The <c>[assembly: AssemblyMetadata(key, value)]</c> pairs of the dll, such as <c>IsTrimmable</c>.</summary>
    public static IReadOnlyDictionary<string, string?> AssemblyMetadata(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        var metadata = pe.GetMetadataReader();
        var pairs = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) != "AssemblyMetadataAttribute")
            {
                continue;
            }

            // The blob of a (string, string) constructor: prolog 0x0001, then both strings serialized.
            var blob = metadata.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() == 1 && blob.ReadSerializedString() is { } key)
            {
                pairs[key] = blob.ReadSerializedString();
            }
        }

        return pairs;
    }

    /// <summary>Whether the type carries <c>System.Runtime.CompilerServices.ExtensionAttribute</c>, referenced or defined in the dll.</summary>
    private static bool HasExtensionAttribute(MetadataReader metadata, TypeDefinition type)
    {
        foreach (var handle in type.GetCustomAttributes())
        {
            var constructor = metadata.GetCustomAttribute(handle).Constructor;
            var (ns, name) = constructor.Kind switch
            {
                HandleKind.MemberReference when metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent is { Kind: HandleKind.TypeReference } parent
                    => (metadata.GetTypeReference((TypeReferenceHandle)parent).Namespace, metadata.GetTypeReference((TypeReferenceHandle)parent).Name),
                HandleKind.MethodDefinition
                    => (metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType()).Namespace,
                        metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType()).Name),
                _ => (default(StringHandle), default(StringHandle)),
            };
            if (!name.IsNil && metadata.StringComparer.Equals(name, "ExtensionAttribute") && metadata.StringComparer.Equals(ns, "System.Runtime.CompilerServices"))
            {
                return true;
            }
        }

        return false;
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
