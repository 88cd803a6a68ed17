using System.Runtime.CompilerServices;
using Pyrometer.TestUtils;

namespace Pyrometer.TestUtils.Tests;

internal static class TestAssemblySetup
{
    [ModuleInitializer]
    internal static void Initialize() => TestEnvironment.Configure();
}
