namespace Pyrometer;

/// <summary>Something that records observations: a <see cref="Histogram"/> or <see cref="Summary"/> (or one of their series).</summary>
public interface IValueObserver
{
    /// <summary>Records one observation.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN and the observer cannot hold it (a summary; a histogram counts NaN).</exception>
    void Observe(double value);
}
