namespace Pyrometer.Extensions.Hosting;

/// <summary>
/// A hosted component that can say whether it works (a server: whether it is listening; a pusher: whether its last
/// pushes failed). Hosting packages register one per component; Pyrometer.Extensions.Hosting.HealthChecks turns
/// them into a health check.
/// </summary>
public interface IPyrometerHealthSource
{
    /// <summary>Gets the component's name in health reports, for example <c>HttpListener</c>.</summary>
    string Name { get; }

    /// <summary>Gets the component's health now; cheap and never throws.</summary>
    PyrometerHealthReport GetHealth();
}
