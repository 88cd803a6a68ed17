namespace Pyrometer.Transports.Pushgateway;

/// <summary>How a push changes the group it is sent to.</summary>
public enum PushMethod
{
    /// <summary><c>PUT</c>: the pushed metrics replace every metric of the group.</summary>
    Replace,

    /// <summary><c>POST</c>: the pushed metrics replace only the group's metrics with the same names.</summary>
    Add,
}
