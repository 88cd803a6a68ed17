using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pyrometer.Extensions.Hosting.HttpListener.Tests;

/// <summary>A real Generic Host whose configuration is an appsettings.json written by the test, logging to <see cref="Logs"/>.</summary>
internal sealed class AppSettingsHost : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pyrometer-hosted-").FullName;

    public AppSettingsHost(string appSettingsJson)
    {
        File.WriteAllText(Path.Combine(_directory, "appsettings.json"), appSettingsJson);
        Builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _directory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        Builder.Logging.ClearProviders();
        Builder.Logging.AddProvider(Logs);
        Builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
    }

    public HostApplicationBuilder Builder { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
