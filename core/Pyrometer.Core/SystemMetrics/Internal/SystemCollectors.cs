namespace Pyrometer.SystemMetrics.Internal;

/// <summary>What the process and runtime metrics share: registering their collectors as one, and counters set from totals.</summary>
internal static class SystemCollectors
{
    /// <summary>Registers every collector, or none: when one is rejected those already registered are removed.</summary>
    public static void RegisterAll(MetricRegistry registry, IReadOnlyList<Collector> collectors)
    {
        var registered = 0;
        try
        {
            for (; registered < collectors.Count; registered++)
            {
                registry.Register(collectors[registered]);
            }
        }
        catch
        {
            for (var i = 0; i < registered; i++)
            {
                registry.Unregister(collectors[i]);
            }

            throw;
        }
    }

    /// <summary>Brings a counter up to a total read from the system; totals never go down, so a lower one is ignored.</summary>
    public static void SetTotal(CounterSeries series, double total)
    {
        var increase = total - series.Value;
        if (increase > 0)
        {
            series.Add(increase);
        }
    }
}
