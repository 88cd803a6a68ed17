namespace Pyrometer;

/// <summary>A value that only goes up: a <see cref="Counter"/> without labels or one of its series.</summary>
public interface ICounter
{
    /// <summary>Gets the current value.</summary>
    double Value { get; }

    /// <summary>Adds 1.</summary>
    void Inc();

    /// <summary>Adds a non-negative amount.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or NaN.</exception>
    void Add(double amount);
}
