namespace Pyrometer;

public sealed partial class MetricRegistry
{
    /// <summary>
    /// Adds code that runs each time the registry is collected, before it is read: the place to set gauges
    /// from values computed at scrape time. If it throws, that scrape fails and later scrapes run it again.
    /// </summary>
    /// <returns>A handle that removes the callback when disposed.</returns>
    public IDisposable AddCollectCallback(Action callback)
    {
        Guard.NotNull(callback);
        return AddCallback(new CollectCallback(callback, null));
    }

    /// <summary>Adds asynchronous code that runs each time the registry is collected, before it is read.</summary>
    /// <returns>A handle that removes the callback when disposed.</returns>
    public IDisposable AddCollectCallback(Func<CancellationToken, ValueTask> callback)
    {
        Guard.NotNull(callback);
        return AddCallback(new CollectCallback(null, callback));
    }

    private CollectCallback AddCallback(CollectCallback callback)
    {
        lock (_lock)
        {
            Volatile.Write(ref _callbacks, [.. _callbacks, callback]);
        }

        callback.Registry = this;
        return callback;
    }

    private void RemoveCallback(CollectCallback callback)
    {
        lock (_lock)
        {
            Volatile.Write(ref _callbacks, _callbacks.Where(c => !ReferenceEquals(c, callback)).ToArray());
        }
    }

    private sealed class CollectCallback(Action? action, Func<CancellationToken, ValueTask>? asyncAction) : IDisposable
    {
        public MetricRegistry? Registry { get; set; }

        public ValueTask InvokeAsync(CancellationToken cancellationToken)
        {
            if (action is not null)
            {
                action();
                return default;
            }

            return asyncAction!(cancellationToken);
        }

        public void Dispose() => Registry?.RemoveCallback(this);
    }
}
