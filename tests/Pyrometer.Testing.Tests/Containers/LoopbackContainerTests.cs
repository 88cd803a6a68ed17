using System.Net;
using System.Net.Sockets;
using Pyrometer.Testing.Containers;
using Pyrometer.TestUtils;

namespace Pyrometer.Testing.Tests.Containers;

// Starts that fail, each with its own container (or none), so no shared fixture.
public sealed class LoopbackContainerTests
{
    [Fact]
    public async Task StartAsync_ImageMissingAndNeverPulled_MessageNamesImageAndOption()
    {
        var options = LocalImages.PrometheusOptions();
        options.Image = "pyrometer-test/absent:none";
        await using var prometheus = new PrometheusContainer(options);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => prometheus.StartAsync());

        Assert.Equal(
            "image pyrometer-test/absent:none is not present locally and the pull policy is Never: pull or build it first, or choose another with PrometheusContainerOptions.Image or $PYROMETER_PROMETHEUS_IMAGE",
            error.Message);
    }

    [Fact]
    public async Task StartAsync_NoDockerEngineAtEndpoint_OneLineDockerMissing()
    {
        var options = LocalImages.PushgatewayOptions();
        options.DockerEndpoint = new Uri($"tcp://127.0.0.1:{FreePort.Next()}");
        await using var pushgateway = new PushgatewayContainer(options);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pushgateway.StartAsync());

        Assert.Equal(LoopbackContainer.DockerMissingMessage, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task StartAsync_NotReadyWithinStartTimeout_MessageNamesReadyEndpointAndTimeout()
    {
        var options = LocalImages.PrometheusOptions();
        options.StartTimeout = TimeSpan.FromMilliseconds(1);

        // On a busy machine the engine can report the container started only once the server is ready already, and
        // a server that answers the first check is ready: so up to three containers are tried.
        for (var attempt = 1; ; attempt++)
        {
            await using var prometheus = new PrometheusContainer(options);
            var error = await Record.ExceptionAsync(() => prometheus.StartAsync());
            if (error is null && attempt < 3)
            {
                continue;
            }

            Assert.IsType<InvalidOperationException>(error);
            Assert.Contains($"{prometheus.BaseAddress}-/ready did not answer 200 within 0.001 s (PrometheusContainerOptions.StartTimeout)", error.Message);
            Assert.Throws<InvalidOperationException>(() => prometheus.Container);
            return;
        }
    }

    [Fact]
    public async Task StartAsync_PortTakenBeforeTheServerBindsIt_StartsOnAnotherFreePort()
    {
        await using var pushgateway = new PushgatewayContainer(LocalImages.PushgatewayOptions());
        var picked = pushgateway.Port;

        // Another process binding the picked port between the pick and the start, as a busy machine makes happen.
        using var squatter = new TcpListener(IPAddress.Loopback, picked);
        squatter.Start();
        await pushgateway.StartAsync();

        Assert.NotEqual(picked, pushgateway.Port);
        Assert.Equal(new Uri($"http://127.0.0.1:{pushgateway.Port}/"), pushgateway.BaseAddress);
        Assert.Contains("pushgateway_build_info", await pushgateway.GetMetricsTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_GivenInOptions_UsedInsteadOfDefault()
    {
        await using var prometheus = new PrometheusContainer(new PrometheusContainerOptions { Image = "example/prometheus:test" });
        await using var byDefault = new PushgatewayContainer();

        Assert.Equal("example/prometheus:test", prometheus.Image);
        Assert.Equal(ContainerImages.Pushgateway, byDefault.Image);
    }

    [Fact]
    public async Task Container_NotStarted_ThrowsNamingStartAsync()
    {
        await using var pushgateway = new PushgatewayContainer(LocalImages.PushgatewayOptions());

        var error = Assert.Throws<InvalidOperationException>(() => pushgateway.Container);

        Assert.Contains("call StartAsync first", error.Message);
    }

    [Fact]
    public async Task DisposeAsync_Twice_NoError()
    {
        var pushgateway = new PushgatewayContainer(LocalImages.PushgatewayOptions());

        await pushgateway.DisposeAsync();
        await pushgateway.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pushgateway.StartAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    public void Constructor_StartTimeoutNotPositive_ThrowsNamingOption(int milliseconds)
    {
        var options = new PushgatewayContainerOptions { StartTimeout = TimeSpan.FromMilliseconds(milliseconds) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PushgatewayContainer(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("PushgatewayContainerOptions.StartTimeout", error.Message);
    }

    [Fact]
    public void Constructor_EmptyImage_ThrowsNamingOption()
    {
        var error = Assert.Throws<ArgumentException>(() => new PrometheusContainer(new PrometheusContainerOptions { Image = " " }));

        Assert.Contains("PrometheusContainerOptions.Image", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(3_600_001)]
    public void Constructor_ScrapeIntervalOutOfRange_ThrowsNamingOption(int milliseconds)
    {
        var options = new PrometheusContainerOptions { ScrapeInterval = TimeSpan.FromMilliseconds(milliseconds) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PrometheusContainer(options));

        Assert.Contains("PrometheusContainerOptions.ScrapeInterval", error.Message);
    }

    [Fact]
    public void Constructor_UndefinedPullPolicy_ThrowsNamingOption()
    {
        var options = new PushgatewayContainerOptions { PullPolicy = (ContainerPullPolicy)7 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PushgatewayContainer(options));

        Assert.Contains("PushgatewayContainerOptions.PullPolicy", error.Message);
    }
}
