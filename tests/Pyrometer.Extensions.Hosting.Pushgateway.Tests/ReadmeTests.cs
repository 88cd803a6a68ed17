using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting.HttpListener.Tests;
using Pyrometer.Transports.Pushgateway;

namespace Pyrometer.Extensions.Hosting.Pushgateway.Tests;

// The package README's appsettings.json, as a user copies it, must pass the checks a host runs at start.
public class ReadmeTests
{
    [Fact]
    public void AddPushgateway_ReadmeAppSettings_PassesValidation()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", "README.md"));
        var start = readme.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        using var app = new AppSettingsHost(json);
        app.Builder.AddPyrometer().AddPushgateway();
        using var host = app.Builder.Build();

        var options = host.Services.GetRequiredService<IOptions<PeriodicPushgatewayPusherOptions>>().Value;

        Assert.Equal("orders", options.Job);
        Assert.True(options.Resilience.GetMaxSendDuration() <= options.Interval, $"{options.Resilience.GetMaxSendDuration()} > {options.Interval}");
    }
}
