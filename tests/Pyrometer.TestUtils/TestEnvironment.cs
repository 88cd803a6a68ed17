using System.Diagnostics;

namespace Pyrometer.TestUtils;

/// <summary>
/// Prepares the process environment for Testcontainers on machines without a container registry.
/// </summary>
/// <remarks>
/// Testcontainers reads its settings once, so each integration test assembly calls <see cref="Configure"/> from
/// its own module initializer (a module initializer runs per assembly, so TestUtils cannot do it for them):
/// <code>
/// internal static class TestAssemblySetup
/// {
///     [ModuleInitializer]
///     internal static void Initialize() => TestEnvironment.Configure();
/// }
/// </code>
/// The container fixtures call it too, as a safety net.
/// </remarks>
public static class TestEnvironment
{
    private static readonly object Gate = new();
    private static bool _configured;

    /// <summary>
    /// Sets <c>TESTCONTAINERS_RYUK_DISABLED=true</c> (the reaper's image cannot be pulled) and, when it is not set,
    /// <c>DOCKER_API_VERSION</c> to the version the local engine reports, since Testcontainers otherwise asks
    /// for a newer API than older engines serve and misreports that as Docker not running.
    /// Variables already set by the caller are left alone. Safe to call more than once.
    /// </summary>
    public static void Configure()
    {
        lock (Gate)
        {
            if (_configured)
            {
                return;
            }

            SetIfUnset("TESTCONTAINERS_RYUK_DISABLED", () => "true");
            SetIfUnset("DOCKER_API_VERSION", QueryDockerApiVersion);
            _configured = true;
        }
    }

    private static void SetIfUnset(string name, Func<string?> value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)) && value() is { Length: > 0 } resolved)
        {
            Environment.SetEnvironmentVariable(name, resolved);
        }
    }

    // Null when the docker CLI is missing or the engine does not answer: the fixtures then report Docker missing.
    private static string? QueryDockerApiVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("docker", ["version", "--format", "{{.Server.APIVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill();
                return null;
            }

            var version = output.GetAwaiter().GetResult().Trim();
            return process.ExitCode == 0 && Version.TryParse(version, out _) ? version : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
