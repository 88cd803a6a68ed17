using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting.Internal;
using Pyrometer.Transports.Pushgateway;

namespace Pyrometer.Extensions.Hosting.Pushgateway.Internal;

/// <summary>
/// Checks the pusher's options when the host starts with the pusher's own rules
/// (<see cref="PeriodicPushgatewayPusherOptions.Validate"/>, which its constructor runs too), and names the setting
/// as configured: <c>Resilience.MaxRetryAttempts is 20 but must be 0 to 10.</c> becomes
/// <c>Pyrometer:Pushgateway:Resilience:MaxRetryAttempts is 20 but must be 0 to 10.</c>
/// </summary>
internal sealed class PushgatewayOptionsValidator(IConfiguration? section) : IValidateOptions<PeriodicPushgatewayPusherOptions>
{
    // The settings the pusher's messages start with; a message starting otherwise names its settings in its text.
    private static readonly HashSet<string> Settings = new(StringComparer.Ordinal)
    {
        nameof(PeriodicPushgatewayPusherOptions.Endpoint),
        nameof(PeriodicPushgatewayPusherOptions.Job),
        nameof(PeriodicPushgatewayPusherOptions.GroupingKey),
        nameof(PeriodicPushgatewayPusherOptions.Formats),
        nameof(PeriodicPushgatewayPusherOptions.Http),
        nameof(PeriodicPushgatewayPusherOptions.Resilience),
        nameof(PeriodicPushgatewayPusherOptions.Interval),
        nameof(PeriodicPushgatewayPusherOptions.StopTimeout),
    };

    public ValidateOptionsResult Validate(string? name, PeriodicPushgatewayPusherOptions options)
    {
        try
        {
            options.Validate();
        }
        catch (ValidationException exception)
        {
            return ValidateOptionsResult.Fail(Name(exception.Message));
        }

        return ValidateOptionsResult.Success;
    }

    // Rewrites the leading setting (`Resilience.MaxRetryAttempts`) as its configuration path, or prefixes the section.
    private string Name(string message)
    {
        var end = 0;
        while (end < message.Length && (char.IsLetterOrDigit(message[end]) || message[end] is '.' or '_'))
        {
            end++;
        }

        var setting = message.Substring(0, end);
        var first = setting.Split('.')[0];
        var bound = section is IConfigurationSection { Path.Length: > 0 };
        if (end == 0 || !Settings.Contains(first))
        {
            var where = bound ? ((IConfigurationSection)section!).Path : nameof(PeriodicPushgatewayPusherOptions);
            return $"{where}: {message}";
        }

        var property = bound ? setting.Replace('.', ':') : setting;
        return SettingNames.Of(section, nameof(PeriodicPushgatewayPusherOptions), property) + message.Remove(0, end);
    }
}
