namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>The two packages eng/pack.sh made of one library.</summary>
/// <param name="Id">The package id (the library's project name).</param>
/// <param name="Version">The package version.</param>
/// <param name="PackagePath">The .nupkg.</param>
/// <param name="SymbolPackagePath">The .snupkg beside it.</param>
internal sealed record PackedLibrary(string Id, string Version, string PackagePath, string SymbolPackagePath);
