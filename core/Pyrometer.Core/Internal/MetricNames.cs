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
