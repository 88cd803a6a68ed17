namespace Pyrometer.Testing.Containers;

/// <summary>What every container fixture takes: the image, when to pull it, how long it may take to get ready.</summary>
public abstract class LoopbackContainerOptions
{
    private protected LoopbackContainerOptions()
    {
    }

    /// <summary>
    /// The image to run; null picks the fixture's default: the image named by its environment variable
    /// (<see cref="ContainerImages.PrometheusVariable"/> or <see cref="ContainerImages.PushgatewayVariable"/>) when
    /// that is set, else the official image (<see cref="ContainerImages.OfficialPrometheus"/> or
    /// <see cref="ContainerImages.OfficialPushgateway"/>). Default null.
    /// </summary>
    public string? Image { get; set; }

    /// <summary>When the image is pulled. Default <see cref="ContainerPullPolicy.Missing"/>.</summary>
    public ContainerPullPolicy PullPolicy { get; set; } = ContainerPullPolicy.Missing;

    /// <summary>
    /// How long <see cref="LoopbackContainer.StartAsync"/> waits for the server's <c>/-/ready</c> to answer 200 once
    /// the container runs (the pull, if any, is not counted). Default 30 s. A server that answers the first check is
    /// ready, however short the timeout.
    /// </summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The Docker engine's endpoint (e.g. <c>unix:///var/run/docker.sock</c> or <c>tcp://127.0.0.1:2375</c>); null
    /// lets Testcontainers find it (<c>DOCKER_HOST</c>, its properties file, the default socket). The engine must run
    /// on this host, since the containers share its network. Default null.
    /// </summary>
    public Uri? DockerEndpoint { get; set; }
}
