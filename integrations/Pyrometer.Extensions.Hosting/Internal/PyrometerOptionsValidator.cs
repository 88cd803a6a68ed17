using Microsoft.Extensions.Options;

namespace Pyrometer.Extensions.Hosting.Internal;

/// <summary>Checks <see cref="PyrometerOptions"/> when the host starts, naming the setting at fault.</summary>
internal sealed class PyrometerOptionsValidator(PyrometerRegistration registration) : IValidateOptions<PyrometerOptions>
{
    // Registry timers take at most int.MaxValue milliseconds, as MetricRegistryOptions.CollectTimeout documents.
    private static readonly TimeSpan LongestCollectTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    public ValidateOptionsResult Validate(string? name, PyrometerOptions options)
    {
        var useDefault = registration.SettingName(nameof(PyrometerOptions.UseDefaultRegistry));
        var constLabels = registration.SettingName(nameof(PyrometerOptions.ConstLabels));
        var collectTimeout = registration.SettingName(nameof(PyrometerOptions.CollectTimeout));
        if (options.UseDefaultRegistry && options.ConstLabels.Count > 0)
        {
            return ValidateOptionsResult.Fail(
                $"{constLabels} needs {useDefault} set to false: MetricRegistry.Default has no const labels, so they need a registry of the host's own.");
        }

        if (options.UseDefaultRegistry && options.CollectTimeout is not null)
        {
            return ValidateOptionsResult.Fail(
                $"{collectTimeout} needs {useDefault} set to false: MetricRegistry.Default keeps its collect timeout of 5 seconds.");
        }

        if (options.CollectTimeout is { } timeout && timeout != Timeout.InfiniteTimeSpan && (timeout <= TimeSpan.Zero || timeout > LongestCollectTimeout))
        {
            return ValidateOptionsResult.Fail(
                $"{collectTimeout} must be greater than zero and at most {LongestCollectTimeout.Days} days, or -00:00:00.001 (infinite) to wait without a bound; got {timeout}.");
        }

        foreach (var label in options.ConstLabels)
        {
            if (ConstLabelError(label) is { } error)
            {
                return ValidateOptionsResult.Fail($"{constLabels}:{label.Key} is invalid: {error}");
            }
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>The registry's own complaint about one const label (name or value), without its parameter name.</summary>
    private static string? ConstLabelError(KeyValuePair<string, string> label)
    {
        try
        {
            _ = new MetricRegistry(new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { [label.Key] = label.Value } });
            return null;
        }
        catch (ArgumentException exception)
        {
            var suffix = $" (Parameter '{exception.ParamName}')";
            var message = exception.Message;
            return message.EndsWith(suffix, StringComparison.Ordinal) ? message.Substring(0, message.Length - suffix.Length) : message;
        }
    }
}
