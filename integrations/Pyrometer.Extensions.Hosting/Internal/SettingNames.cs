using Microsoft.Extensions.Configuration;

namespace Pyrometer.Extensions.Hosting.Internal;

/// <summary>Names settings in validation messages the way the user wrote them.</summary>
internal static class SettingNames
{
    /// <summary>
    /// <c>Pyrometer:HttpListener:Port</c> when the options were bound from that section, else
    /// <c>HttpListenerMetricsServerOptions.Port</c> (set in code).
    /// </summary>
    public static string Of(IConfiguration? section, string optionsType, string property) =>
        section is IConfigurationSection { Path.Length: > 0 } bound ? $"{bound.Path}:{property}" : $"{optionsType}.{property}";
}
