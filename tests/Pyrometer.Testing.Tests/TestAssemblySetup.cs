using System.Runtime.CompilerServices;
using Pyrometer.TestUtils;

namespace Pyrometer.Testing.Tests;

internal static class TestAssemblySetup
{
    [ModuleInitializer]
    internal static void Initialize() => TestEnvironment.Configure();
}
