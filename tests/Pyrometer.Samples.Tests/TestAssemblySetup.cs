using System.Runtime.CompilerServices;
using Pyrometer.TestUtils;

namespace Pyrometer.Samples.Tests;

/// <summary>Prepares Testcontainers (the HostedExample test's Pushgateway) before anything in this assembly reads its settings.</summary>
internal static class TestAssemblySetup
{
    [ModuleInitializer]
    internal static void Initialize() => TestEnvironment.Configure();
}
