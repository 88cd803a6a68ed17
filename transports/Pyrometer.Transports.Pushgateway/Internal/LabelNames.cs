namespace Pyrometer.Transports.Pushgateway.Internal;

/// <summary>The legacy label-name rule the Pushgateway applies to path labels: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
internal static class LabelNames
{
    public static bool IsValid(string name)
    {
        if (string.IsNullOrEmpty(name) || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
