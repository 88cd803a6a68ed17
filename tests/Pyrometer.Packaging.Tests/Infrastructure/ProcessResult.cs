namespace Pyrometer.Packaging.Tests.Infrastructure;

/// <summary>How a command ended and everything it wrote.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output and standard error, interleaved as written.</param>
internal sealed record ProcessResult(int ExitCode, string Output);
