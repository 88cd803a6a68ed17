using Pyrometer.Testing.Containers;

namespace Pyrometer.TestUtils;

/// <summary>
/// Pyrometer.Testing's <see cref="PushgatewayContainer"/> on the local image, as an xunit fixture
/// (<c>ICollectionFixture&lt;PushgatewayFixture&gt;</c>).
/// </summary>
public sealed class PushgatewayFixture : PushgatewayContainer, IAsyncLifetime
{
    /// <summary>Picks the port; the container starts when xunit initializes the fixture.</summary>
    public PushgatewayFixture()
        : base(LocalImages.PushgatewayOptions())
    {
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
