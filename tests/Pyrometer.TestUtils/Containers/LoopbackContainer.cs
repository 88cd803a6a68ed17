using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;
using Pyrometer.TestUtils.Containers.Internal;

namespace Pyrometer.TestUtils;

/// <summary>
/// A container on the host's network that listens on a free port of 127.0.0.1 and reports readiness at
/// <c>/-/ready</c>. Use a derived type as an xunit collection fixture so one container serves a whole collection.
/// </summary>
public abstract class LoopbackContainer : IAsyncLifetime
{
    /// <summary>The one line reported when no Docker engine answers.</summary>
    public const string DockerMissingMessage =
        "integration tests need Docker: run eng/test.sh (or eng/install-test-deps.sh && eng/start-docker.sh) to set it up";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private IContainer? _container;

    /// <summary>Picks the port; the container starts in <see cref="InitializeAsync"/>.</summary>
    /// <param name="image">The image to run; it must exist locally (nothing is pulled).</param>
    protected LoopbackContainer(string image)
    {
        TestEnvironment.Configure();
        Image = image;
        Port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The image the container runs.</summary>
    public string Image { get; }

    /// <summary>The port the container listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{Port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The running container, for fault tests (<c>StopAsync</c>, <c>StartAsync</c>, <c>PauseAsync</c>).</summary>
    /// <exception cref="InvalidOperationException">The fixture has not been started.</exception>
    public IContainer Container =>
        _container ?? throw new InvalidOperationException($"{GetType().Name} has not been started: call InitializeAsync first.");

    /// <summary>A client whose base address is <see cref="BaseAddress"/>, for the fixtures' helpers.</summary>
    private protected HttpClient Client { get; }

    /// <summary>The arguments passed to the image's entry point.</summary>
    private protected abstract IEnumerable<string> Arguments { get; }

    /// <summary>Starts the container and waits until <c>/-/ready</c> answers 200 (at most 30 s).</summary>
    /// <exception cref="InvalidOperationException">Docker is not available, the image is missing, or the container did not get ready.</exception>
    public async Task InitializeAsync()
    {
        var builder = new ContainerBuilder(Image)
            .WithImagePullPolicy(PullPolicy.Never)
            .WithCreateParameterModifier(parameters => (parameters.HostConfig ??= new HostConfig()).NetworkMode = "host")
            .WithCommand([.. Arguments])
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(
                new ReadyEndpointWait(Client, new Uri(BaseAddress, "-/ready")),
                strategy => strategy.WithTimeout(StartTimeout).WithInterval(TimeSpan.FromMilliseconds(100))));
        IContainer container;
        try
        {
            container = Configure(builder).Build();
        }
        catch (DockerUnavailableException)
        {
            throw new InvalidOperationException(DockerMissingMessage);
        }

        try
        {
            await container.StartAsync();
        }
        catch (DockerUnavailableException)
        {
            await container.DisposeAsync();
            throw new InvalidOperationException(DockerMissingMessage);
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.Message.Contains("No such image"))
        {
            await container.DisposeAsync();
            throw new InvalidOperationException(
                $"image {Image} not found locally (nothing is pulled): run eng/test.sh or eng/build-test-images.sh to build it, or pull it if you chose it with {ContainerImages.PrometheusVariable}/{ContainerImages.PushgatewayVariable}");
        }
        catch (Exception exception)
        {
            var failure = await DescribeStartFailureAsync(container, exception);
            await container.DisposeAsync();
            throw new InvalidOperationException(failure, exception);
        }

        _container = container;
    }

    /// <summary>Removes the container.</summary>
    public virtual async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
            _container = null;
        }

        Client.Dispose();
    }

    /// <summary>Returns the container's output so far (stdout then stderr), for failure messages.</summary>
    public async Task<string> GetLogsAsync(CancellationToken cancellationToken = default)
    {
        var (stdout, stderr) = await Container.GetLogsAsync(ct: cancellationToken);
        return stdout + stderr;
    }

    /// <summary>Adds what a derived fixture needs beyond the image, network, arguments and wait.</summary>
    private protected virtual ContainerBuilder Configure(ContainerBuilder builder) => builder;

    private async Task<string> DescribeStartFailureAsync(IContainer container, Exception exception)
    {
        string logs;
        try
        {
            var (stdout, stderr) = await container.GetLogsAsync();
            logs = string.Join('\n', (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(20));
        }
        catch (Exception logException) when (logException is not OutOfMemoryException)
        {
            logs = $"(no logs: {logException.Message})";
        }

        return $"{GetType().Name} ({Image}) did not get ready on {BaseAddress}: {exception.Message}\nLast container output:\n{logs}";
    }
}
