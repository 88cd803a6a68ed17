using Pyrometer.TestUtils;

namespace Pyrometer.Transports.Pushgateway.Tests.Integration;

/// <summary>A Pushgateway of one test's own, removed (thawed first if frozen) when the test ends.</summary>
internal sealed class PushgatewayContainerScope : IAsyncDisposable
{
    public PushgatewayFixture Container { get; } = new();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Container.Container.UnpauseAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Not paused (or never started): nothing to thaw.
        }

        await Container.DisposeAsync();
    }
}
