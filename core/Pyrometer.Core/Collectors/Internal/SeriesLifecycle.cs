namespace Pyrometer.Internal;

/// <summary>
/// The states of <see cref="MetricSeries.Lifecycle"/> under <see cref="CollectorOptions.SeriesExpiry"/>. Updates
/// only look at the state when it is not <see cref="Active"/>, which it always is without expiry.
/// </summary>
internal static class SeriesLifecycle
{
    /// <summary>Updated since the last sweep (or never swept).</summary>
    public const int Active = 0;

    /// <summary>Found not updated by a sweep, at <see cref="MetricSeries.IdleSince"/>; the next update makes it active again.</summary>
    public const int Idle = 1;

    /// <summary>Removed by a sweep; the next update brings it back (or hands the update to its successor).</summary>
    public const int Expired = 2;
}
