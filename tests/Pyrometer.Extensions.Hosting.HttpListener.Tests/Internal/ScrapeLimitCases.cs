using Microsoft.Extensions.Configuration;

namespace Pyrometer.Extensions.Hosting.HttpListener.Tests.Internal;

/// <summary>
/// Values each rule of the shared scrape limits refuses, for the HttpListener and Kestrel validator tests (the
/// Kestrel tests link this file): each validator must report them under its own section.
/// </summary>
public static class ScrapeLimitCases
{
    /// <summary>The setting, the configured value, and the message after the setting's name.</summary>
    public static TheoryData<string, string, string> Refused => new()
    {
        { "Port", "70000", " must be between 0 (pick a free port) and 65535; got 70000." },
        { "Path", "metrics", " must start with '/' and contain no spaces, '?' or '#'; got 'metrics'." },
        { "MaxConcurrentScrapes", "0", " must be at least 1; got 0." },
        { "ScrapeQueueTimeout", "00:10:01", " must be between 00:00:00 and 00:10:00; got 00:10:01." },
        { "MaxRetainedBufferBytes", "1024", " must be at least 524288 (one 512 KiB block); got 1024." },
    };

    /// <summary>The section <c>Pyrometer:{transport}</c> holding one setting.</summary>
    public static IConfigurationSection Section(string transport, string setting, string value) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Pyrometer:{transport}:{setting}"] = value })
            .Build()
            .GetSection($"Pyrometer:{transport}");
}
