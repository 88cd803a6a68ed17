using System.Runtime.CompilerServices;
using Pyrometer.TestUtils;

namespace Pyrometer.Extensions.Hosting.Kestrel.Tests;

/// <summary>Prepares Testcontainers before anything in this assembly reads its settings.</summary>
internal static class TestAssemblySetup
{
    [ModuleInitializer]
    internal static void Initialize() => TestEnvironment.Configure();
}
