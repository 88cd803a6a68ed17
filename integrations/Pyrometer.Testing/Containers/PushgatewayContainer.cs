using System.Globalization;

namespace Pyrometer.Testing.Containers;

// LoopbackContainer's constructor is private protected (its abstract members are internal), so the analyzer sees
// this public constructor opening a closed base; the base exposes no protected member, so nothing escapes review.
#pragma warning disable RS0022
/// <summary>
/// A real Pushgateway on 127.0.0.1:<see cref="LoopbackContainer.Port"/> (push to <see cref="LoopbackContainer.BaseAddress"/>),
/// with the admin API on so tests sharing it can <see cref="WipeAsync"/>. Derive from it to make a test framework's fixture.
/// </summary>
public class PushgatewayContainer : LoopbackContainer
{
    /// <summary>A gateway with the default <see cref="PushgatewayContainerOptions"/>; it starts in <see cref="LoopbackContainer.StartAsync"/>.</summary>
    public PushgatewayContainer()
        : this(new PushgatewayContainerOptions())
    {
    }

    /// <summary>A gateway run as <paramref name="options"/> say; it starts in <see cref="LoopbackContainer.StartAsync"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public PushgatewayContainer(PushgatewayContainerOptions options)
        : base(options, ContainerImages.PushgatewayVariable, ContainerImages.Pushgateway)
    {
    }

    /// <summary>Returns the text exposition of <c>/metrics</c>: every pushed group plus the gateway's own metrics.</summary>
    public async Task<string> GetMetricsTextAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Client.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every pushed group (<c>PUT /api/v1/admin/wipe</c>).</summary>
    public async Task WipeAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Client.PutAsync(new Uri("api/v1/admin/wipe", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private protected override IEnumerable<string> Arguments =>
    [
        string.Create(CultureInfo.InvariantCulture, $"--web.listen-address=127.0.0.1:{Port}"),
        "--web.enable-admin-api",
    ];
}
#pragma warning restore RS0022
