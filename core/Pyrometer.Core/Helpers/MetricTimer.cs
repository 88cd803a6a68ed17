namespace Pyrometer;

/// <summary>
/// Times a block of code into a <see cref="Histogram"/> or <see cref="Summary"/>: the elapsed seconds are observed
/// once, when <see cref="ObserveDuration"/> is called or the timer is disposed, whichever comes first.
/// </summary>
public struct MetricTimer : IDisposable
{
    private readonly IValueObserver? _observer;
    private readonly TimeProvider? _time;
    private readonly long _started;
    private bool _observed;

    internal MetricTimer(IValueObserver observer, TimeProvider time)
    {
        _observer = observer;
        _time = time;
        _started = time.GetTimestamp();
        _observed = false;
    }

    /// <summary>Observes the time elapsed since the timer started, unless already observed, and returns it.</summary>
    public TimeSpan ObserveDuration()
    {
        if (_time is null || _observer is null)
        {
            return TimeSpan.Zero;
        }

        var elapsed = _time.GetElapsedTime(_started);
        if (!_observed)
        {
            _observed = true;
            _observer.Observe(elapsed.TotalSeconds);
        }

        return elapsed;
    }

    /// <summary>Observes the elapsed time if it has not been observed yet.</summary>
    public void Dispose() => ObserveDuration();
}
