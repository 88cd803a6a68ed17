using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Extensions.Metrics;

namespace Pyrometer.Extensions.Hosting.Metrics.Internal;

/// <summary>
/// Checks the bridge's options when the host starts, naming each setting as configured
/// (<c>Pyrometer:MeterBridge:CardinalityLimit</c>); the limits are the bridge's own, which its constructor enforces.
/// </summary>
internal sealed class MeterBridgeOptionsValidator(IConfiguration? section) : IValidateOptions<MeterBridgeOptions>
{
    public ValidateOptionsResult Validate(string? name, MeterBridgeOptions options)
    {
        var failures = new List<string>();
        if (options.CardinalityLimit < 1)
        {
            failures.Add(Invariant($"{Setting(nameof(options.CardinalityLimit))} must be at least 1; got {options.CardinalityLimit}."));
        }

        CheckEntries(options.Meters, nameof(options.Meters), failures);
        CheckEntries(options.ExcludedMeters, nameof(options.ExcludedMeters), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckEntries(IList<string> entries, string property, List<string> failures)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]))
            {
                failures.Add(Invariant($"{Setting(property)}:{i} must be a meter name or a prefix ending in '*'; got '{entries[i]}'."));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private string Setting(string property) => SettingNames.Of(section, nameof(MeterBridgeOptions), property);
}
