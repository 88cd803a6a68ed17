namespace Pyrometer;

public sealed partial class MetricRegistry
{
    /// <summary>Creates a counter, or returns the registered one with the same definition.</summary>
    /// <param name="name">The metric name; by convention it ends with <c>_total</c>.</param>
    /// <param name="help">What the metric counts.</param>
    /// <param name="labelNames">The label names, declared up front (none: the counter has no labels, or takes free-form <see cref="Labels"/>).</param>
    /// <exception cref="ArgumentException">A name is invalid or reserved, or the help text is empty.</exception>
    /// <exception cref="InvalidOperationException">The name is taken by a different definition.</exception>
    public Counter CreateCounter(string name, string help, params string[] labelNames) =>
        CreateCounter(name, help, new CounterOptions { LabelNames = labelNames });

    /// <summary>Creates a counter, or returns the registered one with the same definition.</summary>
    /// <exception cref="ArgumentException">A name is invalid or reserved, or the help text is empty.</exception>
    /// <exception cref="InvalidOperationException">The name is taken by a different definition.</exception>
    public Counter CreateCounter(string name, string help, CounterOptions options) =>
        GetOrAdd(new Counter(name, help, Guard.NotNull(options), TimeProvider));

    /// <summary>Creates a gauge, or returns the registered one with the same definition.</summary>
    /// <exception cref="ArgumentException">A name is invalid or reserved, or the help text is empty.</exception>
    /// <exception cref="InvalidOperationException">The name is taken by a different definition.</exception>
    public Gauge CreateGauge(string name, string help, params string[] labelNames) =>
        CreateGauge(name, help, new GaugeOptions { LabelNames = labelNames });

    /// <summary>Creates a gauge, or returns the registered one with the same definition.</summary>
    /// <exception cref="ArgumentException">A name is invalid or reserved, or the help text is empty.</exception>
    /// <exception cref="InvalidOperationException">The name is taken by a different definition.</exception>
    public Gauge CreateGauge(string name, string help, GaugeOptions options) =>
        GetOrAdd(new Gauge(name, help, Guard.NotNull(options), TimeProvider));

    /// <summary>Creates a histogram with the default buckets, or returns the registered one with the same definition.</summary>
    /// <exception cref="ArgumentException">A name is invalid or reserved (<c>le</c>), or the help text is empty.</exception>
    /// <exception cref="InvalidOperationException">The name is taken by a different definition.</exception>
    public Histogram CreateHistogram(string name, string help, params string[] labelNames) =>
        CreateHistogram(name, help, new HistogramOptions { LabelNames = labelNames });

    /// <summary>Creates a histogram, or returns the registered one with the same definition.</summary>
    /// <exception cref="ArgumentException">A name is invalid or reserved (<c>le</c>), the help text is empty, or buckets are not strictly increasing.</exception>
    /// <exception cref="InvalidOperationException">The name is taken by a different definition.</exception>
    public Histogram CreateHistogram(string name, string help, HistogramOptions options) =>
        GetOrAdd(new Histogram(name, help, Guard.NotNull(options), TimeProvider));

    /// <summary>Creates a summary with the default quantiles, or returns the registered one with the same definition.</summary>
    /// <exception cref="ArgumentException">A name is invalid or reserved (<c>quantile</c>), or the help text is empty.</exception>
    /// <exception cref="InvalidOperationException">The name is taken by a different definition.</exception>
    public Summary CreateSummary(string name, string help, params string[] labelNames) =>
        CreateSummary(name, help, new SummaryOptions { LabelNames = labelNames });

    /// <summary>Creates a summary, or returns the registered one with the same definition.</summary>
    /// <exception cref="ArgumentException">A name is invalid or reserved (<c>quantile</c>), the help text is empty, or a quantile option is invalid.</exception>
    /// <exception cref="InvalidOperationException">The name is taken by a different definition.</exception>
    public Summary CreateSummary(string name, string help, SummaryOptions options) =>
        GetOrAdd(new Summary(name, help, Guard.NotNull(options), TimeProvider));

    private T GetOrAdd<T>(T created)
        where T : Collector
    {
        lock (_lock)
        {
            if (!TryGet(created.Name, out var existing))
            {
                Register(created);
                return created;
            }

            var difference = existing.Type != created.Type
                ? $"type {created.Type} differs from the registered {existing.Type}"
                : existing.DescribeDifference(created);
            if (difference is not null)
            {
                throw new InvalidOperationException($"Metric '{created.Name}' is already registered with a different definition: {difference}.");
            }

            return (T)existing;
        }
    }
}
