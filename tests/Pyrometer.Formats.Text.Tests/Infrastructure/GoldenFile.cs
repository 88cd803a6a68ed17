using System.Text;

namespace Pyrometer.Formats.Text.Tests.Infrastructure;

/// <summary>
/// Checked-in expected expositions. Set PYROMETER_UPDATE_GOLDEN=1 to rewrite them from the current output; the
/// test then fails so that a rewrite is never mistaken for a pass.
/// </summary>
internal static class GoldenFile
{
    public static byte[] Read(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", fileName);
        Assert.True(File.Exists(path), $"Golden file {fileName} is missing; run the tests once with PYROMETER_UPDATE_GOLDEN=1 to create it.");
        return File.ReadAllBytes(path);
    }

    public static void AssertMatches(string fileName, byte[] actual)
    {
        if (Environment.GetEnvironmentVariable("PYROMETER_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(Path.Combine(SourceFolder(), fileName), actual);
            Assert.Fail($"Golden file {fileName} was rewritten: review the diff, then run again without PYROMETER_UPDATE_GOLDEN.");
        }

        var expected = Read(fileName);
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    private static string SourceFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Pyrometer.Formats.Text.Tests", "Golden");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Cannot find tests/Pyrometer.Formats.Text.Tests/Golden above " + AppContext.BaseDirectory);
    }
}
