namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>
/// The bounded queue of unsent requests, oldest first. Adding to a full queue drops the oldest and reports it; the
/// head stays until it is sent or rejected, so series keep their timestamp order.
/// </summary>
internal sealed class RequestQueue(int capacity)
{
    private readonly Queue<EncodedBatch> _items = new();
    private readonly object _lock = new();

    public int Capacity { get; } = capacity;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Adds a request; returns the oldest one dropped to make room, or null.</summary>
    public EncodedBatch? Add(EncodedBatch batch)
    {
        lock (_lock)
        {
            var dropped = _items.Count == Capacity ? _items.Dequeue() : null;
            _items.Enqueue(batch);
            return dropped;
        }
    }

    public bool TryPeek([NotNullWhen(true)] out EncodedBatch? batch)
    {
        lock (_lock)
        {
            batch = _items.Count > 0 ? _items.Peek() : null;
            return batch is not null;
        }
    }

    /// <summary>Removes the head if it is still <paramref name="batch"/> (a full queue may have dropped it meanwhile).</summary>
    public void Remove(EncodedBatch batch)
    {
        lock (_lock)
        {
            if (_items.Count > 0 && ReferenceEquals(_items.Peek(), batch))
            {
                _items.Dequeue();
            }
        }
    }
}
