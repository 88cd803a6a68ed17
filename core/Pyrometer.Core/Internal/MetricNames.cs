namespace Pyrometer.Internal;

/// <summary>Validates metric and label names against the Prometheus legacy character set.</summary>
internal static class MetricNames
{
    public static void ValidateMetricName(string name, string paramName)
    {
        if (name is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!IsValidMetricName(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid metric name: it must match [a-zA-Z_:][a-zA-Z0-9_:]*.", paramName);
        }
    }

    public static void ValidateLabelName(string name, string paramName)
    {
        if (name is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!IsValidLabelName(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid label name: it must match [a-zA-Z_][a-zA-Z0-9_]*.", paramName);
        }

        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid label name: names starting with '__' are reserved for Prometheus.", paramName);
        }
    }

    public static void ValidateHelp(string help, string paramName)
    {
        if (help is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (help.Length == 0 || string.IsNullOrWhiteSpace(help))
        {
            throw new ArgumentException("Help text must not be empty: every metric needs a description.", paramName);
        }

        if (IndexOfLoneSurrogate(help) is var at and >= 0)
        {
            throw new ArgumentException($"Help text has a lone UTF-16 surrogate (U+{(int)help[at]:X4} at index {at}), which UTF-8 cannot encode.", paramName);
        }
    }

    /// <summary>Checks a label value: not null, and UTF-16 that UTF-8 can encode exactly.</summary>
    /// <param name="value">The value.</param>
    /// <param name="owner">What the label belongs to, for the message: <c>metric 'x'</c>, <c>the registry</c>.</param>
    /// <param name="labelName">The label's name.</param>
    /// <param name="paramName">The caller's argument that held the value.</param>
    public static void ValidateLabelValue(string? value, string labelName, string owner, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentException($"Label '{labelName}' of {owner} has a null value.", paramName);
        }

        if (IndexOfLoneSurrogate(value) is var at and >= 0)
        {
            throw new ArgumentException(
                $"Label '{labelName}' of {owner} has a value with a lone UTF-16 surrogate (U+{(int)value[at]:X4} at index {at}), which UTF-8 cannot encode: the value would be exposed changed.",
                paramName);
        }
    }

    /// <summary>The index of the first surrogate that is not half of a pair, or -1.</summary>
    public static int IndexOfLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < '\uD800' || c > '\uDFFF')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    public static bool IsValidMetricName(string name)
    {
        if (name.Length == 0 || !IsNameStart(name[0]) && name[0] != ':')
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            var c = name[i];
            if (!IsNameStart(c) && !IsDigit(c) && c != ':')
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidLabelName(string name)
    {
        if (name.Length == 0 || !IsNameStart(name[0]))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!IsNameStart(name[i]) && !IsDigit(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNameStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
