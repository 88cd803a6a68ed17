using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Pyrometer.Extensions.Hosting.Tests;

/// <summary>Real Generic Hosts configured from an appsettings JSON text, as an app's would be.</summary>
internal static class TestHosts
{
    public static HostApplicationBuilder FromJson(string json)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        return builder;
    }
}
