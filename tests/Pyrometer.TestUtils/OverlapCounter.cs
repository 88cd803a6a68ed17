namespace Pyrometer.TestUtils;

/// <summary>Counts how many callers are inside a section at once, and the most there ever were.</summary>
public sealed class OverlapCounter
{
    private int _current;
    private int _max;

    /// <summary>Gets how many callers are inside now.</summary>
    public int Current => Volatile.Read(ref _current);

    /// <summary>Gets the most callers that were ever inside at once.</summary>
    public int Max => Volatile.Read(ref _max);

    /// <summary>Records a caller entering.</summary>
    public void Enter()
    {
        var now = Interlocked.Increment(ref _current);
        var max = Volatile.Read(ref _max);
        while (now > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, now, max);
            if (seen == max)
            {
                return;
            }

            max = seen;
        }
    }

    /// <summary>Records a caller leaving.</summary>
    public void Exit() => Interlocked.Decrement(ref _current);
}
