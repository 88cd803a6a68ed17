using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Pyrometer.Benchmarks.Internal;

/// <summary>
/// One <see cref="Meter"/> and the OpenTelemetry SDK <see cref="MeterProvider"/> that aggregates it, built with
/// <c>Sdk.CreateMeterProviderBuilder().AddMeter(name)</c>.
/// </summary>
/// <remarks>
/// A provider without a reader does not enable the meter's instruments, so measurements would be dropped
/// before any aggregation and the peer would look faster than it is. Each pipeline therefore adds a
/// <see cref="BaseExportingMetricReader"/> over a <see cref="DiscardingMetricExporter"/>: the SDK aggregates every
/// measurement into its metric points exactly as it does in production (cumulative temporality, default exemplar
/// filter), and nothing is exported unless <see cref="CollectPointCount"/> is called, which the hot loops never do.
/// </remarks>
internal sealed class OpenTelemetryPipeline : IDisposable
{
    private readonly MeterProvider _provider;
    private readonly BaseExportingMetricReader _reader;
    private readonly DiscardingMetricExporter _exporter = new();

    /// <summary>Builds the pipeline; <paramref name="configure"/> adds views before the provider is built.</summary>
    public OpenTelemetryPipeline(string meterName, Action<MeterProviderBuilder>? configure = null)
    {
        _reader = new BaseExportingMetricReader(_exporter);
        var builder = Sdk.CreateMeterProviderBuilder().AddMeter(meterName).AddReader(_reader);
        configure?.Invoke(builder);
        _provider = builder.Build();
        Meter = new Meter(meterName);
    }

    /// <summary>Gets the meter whose instruments the SDK aggregates.</summary>
    public Meter Meter { get; }

    /// <summary>Collects once and returns how many metric points the SDK holds.</summary>
    public int CollectPointCount()
    {
        if (!_reader.Collect())
        {
            throw new InvalidOperationException("The OpenTelemetry reader failed to collect.");
        }

        return _exporter.LastPointCount;
    }

    /// <summary>Checks that the SDK aggregated at least one point, so no benchmark measures a disabled instrument.</summary>
    public void EnsureAggregating()
    {
        if (CollectPointCount() == 0)
        {
            throw new InvalidOperationException("The OpenTelemetry SDK aggregated nothing: the benchmark would measure a disabled instrument.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _provider.Dispose();
        Meter.Dispose();
    }
}
