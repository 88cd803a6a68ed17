namespace Pyrometer.Internal;

/// <summary>Throws for the hot paths, keeping their bodies small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void NegativeIncrement(double amount) =>
        throw new ArgumentOutOfRangeException(nameof(amount), amount, "A counter only goes up: the increment must be zero or positive, and not NaN.");

    [DoesNotReturn]
    public static void NaNObservation(double value) =>
        throw new ArgumentOutOfRangeException(nameof(value), value, "An observation must be a number, not NaN.");
}
