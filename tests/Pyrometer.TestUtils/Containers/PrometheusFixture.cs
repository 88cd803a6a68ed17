using Pyrometer.Testing.Containers;

namespace Pyrometer.TestUtils;

/// <summary>
/// Pyrometer.Testing's <see cref="PrometheusContainer"/> on the local image, as an xunit fixture: one server per
/// collection (<c>ICollectionFixture&lt;PrometheusFixture&gt;</c>), started before its first test, removed after its last.
/// </summary>
public class PrometheusFixture : PrometheusContainer, IAsyncLifetime
{
    /// <summary>A server without feature flags.</summary>
    public PrometheusFixture()
        : this(LocalImages.PrometheusOptions())
    {
    }

    /// <summary>A server run as <paramref name="options"/> say (see <see cref="LocalImages.PrometheusOptions"/>).</summary>
    protected PrometheusFixture(PrometheusContainerOptions options)
        : base(options)
    {
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
