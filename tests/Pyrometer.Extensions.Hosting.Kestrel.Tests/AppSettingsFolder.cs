namespace Pyrometer.Extensions.Hosting.Kestrel.Tests;

/// <summary>A content root holding an appsettings.json written by the test, deleted afterwards.</summary>
internal sealed class AppSettingsFolder : IDisposable
{
    public AppSettingsFolder(string appSettingsJson)
    {
        Path = Directory.CreateTempSubdirectory("pyrometer-kestrel-hosted-").FullName;
        File.WriteAllText(System.IO.Path.Combine(Path, "appsettings.json"), appSettingsJson);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
