namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>A public top-level type of a packed dll, as its metadata describes it.</summary>
/// <param name="Namespace">Its namespace (empty for the global namespace).</param>
/// <param name="Name">Its metadata name (<c>Type`1</c> for a generic type).</param>
/// <param name="HoldsExtensionMethods">Whether the compiler marked it <c>[Extension]</c>: a static class of extension methods.</param>
internal sealed record PublicType(string Namespace, string Name, bool HoldsExtensionMethods)
{
    /// <inheritdoc />
    public override string ToString() => Namespace.Length == 0 ? Name : Namespace + "." + Name;
}
