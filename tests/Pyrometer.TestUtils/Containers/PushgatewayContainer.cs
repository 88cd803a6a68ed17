using System.Globalization;

namespace Pyrometer.TestUtils;

/// <summary>
/// A real Pushgateway on 127.0.0.1:<see cref="LoopbackContainer.Port"/> (push to <see cref="LoopbackContainer.BaseAddress"/>),
/// with the admin API on so tests sharing it can <see cref="WipeAsync"/>.
/// </summary>
public sealed class PushgatewayContainer : LoopbackContainer
{
    /// <summary>Picks the port; the container starts in <see cref="LoopbackContainer.InitializeAsync"/>.</summary>
    public PushgatewayContainer()
        : base(ContainerImages.Pushgateway)
    {
    }

    /// <summary>Returns the text exposition of <c>/metrics</c>: every pushed group plus the gateway's own metrics.</summary>
    public async Task<string> GetMetricsTextAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Client.GetAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Deletes every pushed group (<c>PUT /api/v1/admin/wipe</c>).</summary>
    public async Task WipeAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Client.PutAsync(new Uri("api/v1/admin/wipe", UriKind.Relative), null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private protected override IEnumerable<string> Arguments =>
    [
        string.Create(CultureInfo.InvariantCulture, $"--web.listen-address=127.0.0.1:{Port}"),
        "--web.enable-admin-api",
    ];
}
