using System.Diagnostics;

namespace Pyrometer.TestUtils;

/// <summary>Waits for a condition that another thread, a server or a container makes true.</summary>
public static class Eventually
{
    /// <summary>
    /// Checks <paramref name="condition"/> every <paramref name="poll"/> until it holds, and fails the test naming
    /// <paramref name="what"/> when it has not within <paramref name="limit"/>.
    /// </summary>
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan limit, TimeSpan poll)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(elapsed.Elapsed < limit, $"{what} did not happen within {limit.TotalSeconds} s");
            await Task.Delay(poll);
        }
    }
}
