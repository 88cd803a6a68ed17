namespace Pyrometer.Testing.Containers;

/// <summary>An active scrape target as Prometheus reports it, to see why a scrape fails.</summary>
public sealed class PrometheusTarget
{
    /// <summary>The target's labels after relabelling (<c>job</c>, <c>instance</c>, extra labels).</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>The <c>job</c> label.</summary>
    public string Job => Labels.TryGetValue("job", out var job) ? job : "";

    /// <summary>The URL Prometheus scrapes.</summary>
    public required string ScrapeUrl { get; init; }

    /// <summary><c>up</c>, <c>down</c> or <c>unknown</c> (not scraped yet).</summary>
    public required string Health { get; init; }

    /// <summary>The error of the last scrape; empty when it succeeded.</summary>
    public required string LastError { get; init; }

    /// <summary>When the last scrape started; <see cref="DateTimeOffset.MinValue"/> before the first.</summary>
    public required DateTimeOffset LastScrape { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Job} {ScrapeUrl} {Health}{(LastError.Length > 0 ? $" ({LastError})" : "")}";
}
