namespace Pyrometer.TestUtils;

/// <summary>What a tool run by <see cref="ToolProcess"/> answered.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error);
