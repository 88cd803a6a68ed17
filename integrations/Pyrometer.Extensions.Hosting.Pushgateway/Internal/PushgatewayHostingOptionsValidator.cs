using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting.Internal;

namespace Pyrometer.Extensions.Hosting.Pushgateway.Internal;

/// <summary>Checks <see cref="PushgatewayHostingOptions"/> when the host starts, naming the setting as configured.</summary>
internal sealed class PushgatewayHostingOptionsValidator(IConfiguration? section) : IValidateOptions<PushgatewayHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, PushgatewayHostingOptions options)
    {
        if (options.UnhealthyAfterFailures < 1)
        {
            var setting = SettingNames.Of(section, nameof(PushgatewayHostingOptions), nameof(options.UnhealthyAfterFailures));
            return ValidateOptionsResult.Fail(string.Format(
                CultureInfo.InvariantCulture,
                "{0} must be at least 1 (unhealthy after that many failed pushes in a row); got {1}.",
                setting,
                options.UnhealthyAfterFailures));
        }

        return ValidateOptionsResult.Success;
    }
}
