using Microsoft.Extensions.Options;
using Pyrometer.Exposition;
using Pyrometer.Extensions.Hosting.HttpListener.Internal;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Extensions.Hosting.HttpListener.Tests.Internal;

// The validator repeats the server's limits so a host fails at start with the setting's configured name; these
// tests keep the two in step: every value one rejects the other rejects too, and every boundary both accept.
public class HttpListenerOptionsValidatorTests
{
    public static TheoryData<string, Action<HttpListenerMetricsServerOptions>, bool> Boundaries => new()
    {
        { "Host blank", o => o.Host = " ", false },
        { "Host with @", o => o.Host = "user@host", false },
        { "Host +", o => o.Host = "+", true },
        { "Host IPv6", o => o.Host = "::1", true },
        { "Port -1", o => o.Port = -1, false },
        { "Port 0", o => o.Port = 0, true },
        { "Port 65535", o => o.Port = 65535, true },
        { "Port 65536", o => o.Port = 65536, false },
        { "Path empty", o => o.Path = "", false },
        { "Path /", o => o.Path = "/", true },
        { "Path with #", o => o.Path = "/a#b", false },
        { "MaxConcurrentScrapes 0", o => o.MaxConcurrentScrapes = 0, false },
        { "MaxConcurrentScrapes 1", o => o.MaxConcurrentScrapes = 1, true },
        { "ScrapeQueueTimeout 0", o => o.ScrapeQueueTimeout = TimeSpan.Zero, true },
        { "ScrapeQueueTimeout 10 min", o => o.ScrapeQueueTimeout = TimeSpan.FromMinutes(10), true },
        { "ScrapeQueueTimeout over 10 min", o => o.ScrapeQueueTimeout = TimeSpan.FromMinutes(10) + TimeSpan.FromTicks(1), false },
        { "ScrapeQueueTimeout negative", o => o.ScrapeQueueTimeout = TimeSpan.FromTicks(-1), false },
        { "MaxRetainedBufferBytes one block", o => o.MaxRetainedBufferBytes = 524288, true },
        { "MaxRetainedBufferBytes below a block", o => o.MaxRetainedBufferBytes = 524287, false },
        { "Formats empty", o => o.Formats = new ExpositionFormatCollection(), false },
        { "SendStallTimeout 1 ms", o => o.SendStallTimeout = TimeSpan.FromMilliseconds(1), true },
        { "SendStallTimeout infinite", o => o.SendStallTimeout = Timeout.InfiniteTimeSpan, true },
        { "SendStallTimeout 0", o => o.SendStallTimeout = TimeSpan.Zero, false },
        { "SendStallTimeout over 24 days", o => o.SendStallTimeout = TimeSpan.FromMilliseconds(int.MaxValue) + TimeSpan.FromMilliseconds(1), false },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task Validate_Value_AgreesWithTheServer(string value, Action<HttpListenerMetricsServerOptions> set, bool valid)
    {
        var options = new HttpListenerMetricsServerOptions();
        set(options);

        var result = new HttpListenerOptionsValidator(section: null).Validate(Options.DefaultName, options);
        var serverAccepts = true;
        try
        {
            await using var server = new HttpListenerMetricsServer(options);
        }
        catch (ArgumentException)
        {
            serverAccepts = false;
        }

        Assert.True(valid == result.Succeeded, $"{value}: the validator said {result.Succeeded} ({result.FailureMessage})");
        Assert.True(valid == serverAccepts, $"{value}: the server said {serverAccepts}");
    }

    [Fact]
    public void Validate_SeveralInvalidSettings_ReportsEach()
    {
        var options = new HttpListenerMetricsServerOptions { Port = -5, MaxConcurrentScrapes = 0 };

        var result = new HttpListenerOptionsValidator(section: null).Validate(Options.DefaultName, options);

        Assert.Equal(
            ["HttpListenerMetricsServerOptions.Port must be between 0 (pick a free port) and 65535; got -5.", "HttpListenerMetricsServerOptions.MaxConcurrentScrapes must be at least 1; got 0."],
            result.Failures);
    }

    [Theory]
    [MemberData(nameof(ScrapeLimitCases.Refused), MemberType = typeof(ScrapeLimitCases))]
    public void Validate_SharedRuleBoundFromSection_NamesTheHttpListenerSetting(string setting, string value, string message)
    {
        var section = ScrapeLimitCases.Section("HttpListener", setting, value);
        var options = new HttpListenerMetricsServerOptions();
        HttpListenerOptionsBinder.Bind(section, options);

        var result = new HttpListenerOptionsValidator(section).Validate(Options.DefaultName, options);

        Assert.Equal([$"Pyrometer:HttpListener:{setting}{message}"], result.Failures);
    }

    [Theory]
    [InlineData("00:00:05", 5_000)]
    [InlineData("-00:00:00.001", -1)]
    public void Bind_SendStallTimeout_ReachesTheOptions(string value, int milliseconds)
    {
        var options = new HttpListenerMetricsServerOptions();

        HttpListenerOptionsBinder.Bind(ScrapeLimitCases.Section("HttpListener", "SendStallTimeout", value), options);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), options.SendStallTimeout);
    }
}
