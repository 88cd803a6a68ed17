using Pyrometer;

var registry = MetricRegistry.Default;
var events = registry.CreateCounter("events_total", "Number of events.", new CounterOptions
{
    ConstLabels = new Dictionary<string, string> { ["host"] = Environment.MachineName },
});
events.Inc();
Console.WriteLine($"events_total = {events.Value}");
