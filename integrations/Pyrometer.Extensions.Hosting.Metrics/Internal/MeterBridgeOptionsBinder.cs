using Microsoft.Extensions.Configuration;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Extensions.Metrics;

namespace Pyrometer.Extensions.Hosting.Metrics.Internal;

/// <summary>Binds the settings of <see cref="MeterBridgeOptions"/> that configuration can hold.</summary>
internal static class MeterBridgeOptionsBinder
{
    public static void Bind(IConfiguration section, MeterBridgeOptions options)
    {
        var read = new SettingReader<MeterBridgeOptions>(section);
        read.Pairs(nameof(options.Meters), (_, value) => options.Meters.Add(value));
        read.Pairs(nameof(options.ExcludedMeters), (_, value) => options.ExcludedMeters.Add(value));
        read.Boolean(nameof(options.IncludeMeterLabels), value => options.IncludeMeterLabels = value);
        read.Boolean(nameof(options.ConvertMillisecondsToSeconds), value => options.ConvertMillisecondsToSeconds = value);
        read.Int32(nameof(options.CardinalityLimit), value => options.CardinalityLimit = value);
    }
}
