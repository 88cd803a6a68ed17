namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>
/// Where a package's public types may live: in its package id's namespace or a child of it, with two exceptions.
/// Pyrometer.Core's types are in <c>Pyrometer</c> (a <c>.Core</c> package takes the name without <c>.Core</c>, as
/// Polly.Core's types are in <c>Polly</c>); and any package's extension-method classes
/// (<c>PyrometerServiceCollectionExtensions</c>, <c>HttpListenerPyrometerBuilderExtensions</c>) are in
/// <c>Pyrometer</c>, so that <c>using Pyrometer;</c> brings every <c>Add*</c>/<c>Map*</c> method a user calls
/// (the rule the hosting package's README states).
/// </summary>
internal static class NamespaceRule
{
    /// <summary>The namespace every package's extension-method classes may use.</summary>
    public const string ExtensionNamespace = "Pyrometer";

    private const string CoreSuffix = ".Core";

    /// <summary>Gets whether <paramref name="type"/> may be a public type of the package <paramref name="packageId"/>.</summary>
    public static bool Allows(string packageId, PublicType type)
    {
        if (type.HoldsExtensionMethods && type.Namespace == ExtensionNamespace)
        {
            return true;
        }

        var root = packageId.EndsWith(CoreSuffix, StringComparison.Ordinal) ? packageId[..^CoreSuffix.Length] : packageId;
        return type.Namespace == root || type.Namespace.StartsWith(root + ".", StringComparison.Ordinal);
    }
}
