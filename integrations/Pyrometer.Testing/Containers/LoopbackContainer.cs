using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;
using Pyrometer.Testing.Containers.Internal;

namespace Pyrometer.Testing.Containers;

/// <summary>
/// A container on the host's network (Linux only) that listens on a free port of 127.0.0.1 and reports readiness at
/// <c>/-/ready</c>. Construct it, <see cref="StartAsync"/> it, and <see cref="DisposeAsync"/> it to remove the
/// container; one instance can serve many tests (an xunit collection fixture, an NUnit <c>[OneTimeSetUp]</c>).
/// </summary>
public abstract class LoopbackContainer : IAsyncDisposable
{
    /// <summary>The one line <see cref="StartAsync"/> reports when no Docker engine answers.</summary>
    public const string DockerMissingMessage =
        "Docker is not running or not reachable: start a Docker engine on this (Linux) host, or point DOCKER_HOST at the one that runs here";

    // The port is picked free before the server binds it, so another process may take it in between; the start
    // then tries a freshly picked one, this many times in all.
    private const int PortAttempts = 3;
    private const string PortTakenLog = "address already in use";

    private readonly string _imageVariable;
    private readonly LoopbackContainerOptions _options;
    private IContainer? _container;
    private bool _disposed;

    private protected LoopbackContainer(LoopbackContainerOptions options, string imageVariable, string defaultImage)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Image is { } image && string.IsNullOrWhiteSpace(image))
        {
            throw new ArgumentException($"{options.GetType().Name}.Image must name an image or be null for the default; it is empty.", nameof(options));
        }

        if (options.StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.StartTimeout, $"{options.GetType().Name}.StartTimeout must be positive.");
        }

        if (!Enum.IsDefined(options.PullPolicy))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PullPolicy, $"{options.GetType().Name}.PullPolicy is not a {nameof(ContainerPullPolicy)}.");
        }

        _options = options;
        _imageVariable = imageVariable;
        Image = options.Image ?? defaultImage;
        Port = LoopbackPort.Next();
        BaseAddress = AddressOf(Port);
        Client = ClientFor(BaseAddress);
    }

    /// <summary>The image the container runs.</summary>
    public string Image { get; }

    /// <summary>
    /// The port the server listens on, on 127.0.0.1: picked free when the fixture is constructed, and picked again by
    /// <see cref="StartAsync"/> if another process took it before the server could bind it. Read it once started.
    /// </summary>
    public int Port { get; private set; }

    /// <summary><c>http://127.0.0.1:{Port}/</c>.</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>The running container, for fault tests (<c>StopAsync</c>, <c>StartAsync</c>, <c>PauseAsync</c>).</summary>
    /// <exception cref="InvalidOperationException">The fixture has not been started.</exception>
    public IContainer Container =>
        _container ?? throw new InvalidOperationException($"{GetType().Name} has not been started: call StartAsync first.");

    /// <summary>A client whose base address is <see cref="BaseAddress"/>, for the fixtures' helpers.</summary>
    private protected HttpClient Client { get; private set; }

    /// <summary>The arguments passed to the image's entry point.</summary>
    private protected abstract IEnumerable<string> Arguments { get; }

    /// <summary>
    /// Starts the container (pulling the image as <see cref="LoopbackContainerOptions.PullPolicy"/> says) and waits
    /// until <c>/-/ready</c> answers 200, for at most <see cref="LoopbackContainerOptions.StartTimeout"/>. A server
    /// that cannot bind its port because another process took it since it was picked is started again on another
    /// free port (<see cref="Port"/> and <see cref="BaseAddress"/> change), up to three times in all.
    /// </summary>
    /// <param name="cancellationToken">Stops the start; the container is then removed.</param>
    /// <exception cref="InvalidOperationException">Docker is not reachable (the message is <see cref="DockerMissingMessage"/>),
    /// the image is missing, the fixture was started before, or the container did not get ready in time (the message
    /// holds the container's last output).</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_container is not null)
        {
            throw new InvalidOperationException($"{GetType().Name} has been started already.");
        }

        for (var attempt = 1; ; attempt++)
        {
            IContainer container;
            try
            {
                container = Configure(CreateBuilder()).Build();
            }
            catch (DockerUnavailableException)
            {
                throw new InvalidOperationException(DockerMissingMessage);
            }

            try
            {
                await container.StartAsync(cancellationToken).ConfigureAwait(false);
                _container = container;
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                var (failure, portTaken) = await DescribeStartFailureAsync(container, exception).ConfigureAwait(false);
                await container.DisposeAsync().ConfigureAwait(false);
                if (!portTaken || attempt == PortAttempts || cancellationToken.IsCancellationRequested)
                {
                    throw new InvalidOperationException(failure, exception);
                }

                MoveToAnotherPort();
            }
        }
    }

    /// <summary>Returns the container's output so far (stdout then stderr), for failure messages.</summary>
    /// <exception cref="InvalidOperationException">The fixture has not been started.</exception>
    public async Task<string> GetLogsAsync(CancellationToken cancellationToken = default)
    {
        var (stdout, stderr) = await Container.GetLogsAsync(ct: cancellationToken).ConfigureAwait(false);
        return stdout + stderr;
    }

    /// <summary>Removes the container (if it was started) and releases the fixture. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the container and releases what the fixture holds; a derived fixture releases its own after this.</summary>
    private protected virtual async ValueTask DisposeAsyncCore()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_container is not null)
        {
            await _container.DisposeAsync().ConfigureAwait(false);
            _container = null;
        }

        Client.Dispose();
    }

    /// <summary>Adds what a derived fixture needs beyond the image, network, arguments and wait.</summary>
    private protected virtual ContainerBuilder Configure(ContainerBuilder builder) => builder;

    private static Uri AddressOf(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    private static HttpClient ClientFor(Uri baseAddress) => new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };

    private void MoveToAnotherPort()
    {
        Client.Dispose();
        Port = LoopbackPort.Next();
        BaseAddress = AddressOf(Port);
        Client = ClientFor(BaseAddress);
    }

    private ContainerBuilder CreateBuilder()
    {
        var builder = new ContainerBuilder(Image)
            .WithImagePullPolicy(_options.PullPolicy switch
            {
                ContainerPullPolicy.Always => PullPolicy.Always,
                ContainerPullPolicy.Never => PullPolicy.Never,
                _ => PullPolicy.Missing,
            })
            .WithCreateParameterModifier(parameters => (parameters.HostConfig ??= new HostConfig()).NetworkMode = "host")
            .WithCommand([.. Arguments])
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(
                new ReadyEndpointWait(Client, new Uri(BaseAddress, "-/ready")),
                strategy => strategy.WithTimeout(_options.StartTimeout).WithInterval(TimeSpan.FromMilliseconds(100))));
        return _options.DockerEndpoint is { } endpoint ? builder.WithDockerEndpoint(endpoint) : builder;
    }

    // The failure's message, and whether the server exited because its port was taken.
    private async Task<(string Message, bool PortTaken)> DescribeStartFailureAsync(IContainer container, Exception exception)
    {
        if (IsDockerUnreachable(exception))
        {
            return (DockerMissingMessage, false);
        }

        if (exception is DockerApiException { StatusCode: HttpStatusCode.NotFound } notFound && notFound.Message.Contains("No such image", StringComparison.Ordinal))
        {
            return ($"image {Image} is not present locally and the pull policy is {_options.PullPolicy}: pull or build it first, or choose another with {_options.GetType().Name}.Image or ${_imageVariable}", false);
        }

        if (exception is TimeoutException)
        {
            exception = new TimeoutException(
                $"{BaseAddress}-/ready did not answer 200 within {_options.StartTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({_options.GetType().Name}.StartTimeout)");
        }

        string logs;
        try
        {
            var (stdout, stderr) = await container.GetLogsAsync().ConfigureAwait(false);
            logs = string.Join('\n', (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(20));
        }
        catch (Exception logException) when (logException is not OutOfMemoryException)
        {
            logs = $"(no logs: {logException.Message})";
        }

        var portTaken = logs.Contains(PortTakenLog, StringComparison.Ordinal);
        return ($"{GetType().Name} ({Image}) did not get ready on {BaseAddress}: {exception.Message}\nLast container output:\n{logs}", portTaken);
    }

    // The Docker client reports an engine that does not answer as a failed connection somewhere in the chain.
    private static bool IsDockerUnreachable(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is DockerUnavailableException or SocketException or HttpRequestException { StatusCode: null })
            {
                return true;
            }
        }

        return false;
    }
}
