namespace Pyrometer.Internal;

/// <summary>A token cancelled when a time limit (on a <see cref="TimeProvider"/>) passes or another token is cancelled.</summary>
internal sealed class Deadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    public Deadline(TimeProvider time, TimeSpan limit, CancellationToken cancellationToken)
    {
        _timer = Clock.Timer(time, limit);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, cancellationToken);
    }

    public CancellationToken Token => _linked.Token;

    public bool Expired => _timer.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
