using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting.HttpListener.Tests.Internal;
using Pyrometer.Extensions.Hosting.Kestrel.Internal;
using Pyrometer.Transports.Kestrel;

namespace Pyrometer.Extensions.Hosting.Kestrel.Tests.Internal;

public sealed class KestrelOptionsValidatorTests
{
    public static TheoryData<string> Invalid => new() { "Host", "Port", "Path", "Protocols", "KeyOnly", "MissingPem", "BasicHalf", "BasicColon", "EmptyPassword", "Bearer", "Scrapes", "QueueTimeout", "Buffer" };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_ValueTheServerRefuses_FailsToo(string which)
    {
        var options = Make(which);

        var result = new KestrelOptionsValidator(section: null).Validate(null, options);

        Assert.True(result.Failed);
        Assert.ThrowsAny<ArgumentException>(() => new KestrelMetricsServer(options));
    }

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new KestrelOptionsValidator(section: null).Validate(null, new KestrelMetricsServerOptions());

        Assert.True(result.Succeeded);
    }

    [Theory]
    [MemberData(nameof(ScrapeLimitCases.Refused), MemberType = typeof(ScrapeLimitCases))]
    public void Validate_SharedRuleBoundFromSection_NamesTheKestrelSetting(string setting, string value, string message)
    {
        var section = ScrapeLimitCases.Section("Kestrel", setting, value);
        var options = new KestrelMetricsServerOptions();
        KestrelOptionsBinder.Bind(section, options);

        var result = new KestrelOptionsValidator(section).Validate(Options.DefaultName, options);

        Assert.Equal([$"Pyrometer:Kestrel:{setting}{message}"], result.Failures);
    }

    private static KestrelMetricsServerOptions Make(string which)
    {
        var options = new KestrelMetricsServerOptions();
        switch (which)
        {
            case "Host": options.Host = "example.org"; break;
            case "Port": options.Port = -1; break;
            case "Path": options.Path = "no-slash"; break;
            case "Protocols": options.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.None; break;
            case "KeyOnly": options.CertificateKeyPath = "/tmp/key.pem"; break;
            case "MissingPem": options.CertificatePath = "/nonexistent/cert.pem"; break;
            case "BasicHalf": options.BasicAuthPassword = "x"; break;
            case "BasicColon": options.BasicAuthUsername = "a:b"; options.BasicAuthPassword = "x"; break;
            case "EmptyPassword": options.BasicAuthUsername = "a"; options.BasicAuthPassword = string.Empty; break;
            case "Bearer": options.BearerToken = string.Empty; break;
            case "Scrapes": options.MaxConcurrentScrapes = 0; break;
            case "QueueTimeout": options.ScrapeQueueTimeout = TimeSpan.FromMinutes(11); break;
            case "Buffer": options.MaxRetainedBufferBytes = 1024; break;
        }

        return options;
    }
}
