namespace Pyrometer;

/// <summary>A value that goes up and down: a <see cref="Gauge"/> without labels or one of its series.</summary>
public interface IGauge
{
    /// <summary>Gets the current value.</summary>
    double Value { get; }

    /// <summary>Sets the value.</summary>
    void Set(double value);

    /// <summary>Adds 1.</summary>
    void Inc();

    /// <summary>Subtracts 1.</summary>
    void Dec();

    /// <summary>Adds an amount (which may be negative).</summary>
    void Add(double amount);

    /// <summary>Subtracts an amount.</summary>
    void Sub(double amount);
}
