namespace Pyrometer;

/// <summary>Marks one unit of work in progress on a gauge: incremented when created, decremented once when disposed.</summary>
public struct InProgressTracker : IDisposable
{
    private IGauge? _gauge;

    internal InProgressTracker(IGauge gauge)
    {
        _gauge = gauge;
        gauge.Inc();
    }

    /// <summary>Decrements the gauge, once.</summary>
    public void Dispose()
    {
        var gauge = _gauge;
        _gauge = null;
        gauge?.Dec();
    }
}
