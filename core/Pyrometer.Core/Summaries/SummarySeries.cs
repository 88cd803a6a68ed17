namespace Pyrometer;

/// <summary>
/// One series of a <see cref="Summary"/>. Observations are buffered and merged into streaming quantile
/// estimators in batches; sum and count are cumulative, quantiles cover the summary's sliding window.
/// </summary>
public sealed class SummarySeries : MetricSeries, IValueObserver
{
    private const int BufferSize = 500;

#if NET9_0_OR_GREATER
    private readonly Lock _lock = new();
#else
    private readonly object _lock = new();
#endif
    private readonly Summary _summary;
    private readonly double[]? _buffer;
    private readonly QuantileStream[] _streams;
    private int _buffered;
    private int _head;
    private long _headExpiresAt;
    private double _sum;
    private long _count;

    internal SummarySeries(Summary summary, string[] labelNames, string[] labelValues, int hash)
        : base(summary, labelNames, labelValues, hash)
    {
        _summary = summary;
        if (summary.QuantileArray.Length == 0)
        {
            _streams = [];
            return;
        }

        _buffer = new double[BufferSize];
        _streams = new QuantileStream[summary.AgeBuckets];
        for (var i = 0; i < _streams.Length; i++)
        {
            _streams[i] = new QuantileStream(summary.QuantileArray);
        }

        _headExpiresAt = summary.TimeProvider.GetTimestamp() + summary.StreamDurationTicks;
    }

    /// <summary>Gets the sum of all observations.</summary>
    public double Sum
    {
        get
        {
            lock (_lock)
            {
                return _sum;
            }
        }
    }

    /// <summary>Gets the number of observations.</summary>
    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <inheritdoc />
    public void Observe(double value)
    {
        if (double.IsNaN(value))
        {
            ThrowHelper.NaNObservation(value);
        }

        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active && Wake() is SummarySeries successor)
        {
            successor.Observe(value);
            return;
        }

        lock (_lock)
        {
            _sum += value;
            _count++;
            if (_buffer is { } buffer)
            {
                var now = _summary.TimeProvider.GetTimestamp();
                if (now >= _headExpiresAt)
                {
                    // The buffered values were observed before the head stream expired: merge them before it
                    // rotates, so this value is not aged out with them.
                    Flush(now);
                }

                buffer[_buffered++] = value;
                if (_buffered == buffer.Length)
                {
                    Flush(now);
                }
            }
        }
    }

    /// <summary>
    /// Writes the estimate of each of <see cref="Summary.Quantiles"/> (NaN when the window holds no
    /// observations) into <paramref name="quantileValues"/>, and returns the count; sum, count and quantiles are
    /// taken together under one lock, so they are consistent with each other.
    /// </summary>
    /// <exception cref="ArgumentException">The destination is shorter than the quantile list.</exception>
    public long GetSnapshot(Span<double> quantileValues, out double sum)
    {
        var targets = _summary.QuantileArray;
        if (quantileValues.Length < targets.Length)
        {
            throw new ArgumentException($"The destination needs room for {targets.Length} quantiles.", nameof(quantileValues));
        }

        lock (_lock)
        {
            if (_buffer is not null)
            {
                Flush(_summary.TimeProvider.GetTimestamp());
                var head = _streams[_head];
                for (var i = 0; i < targets.Length; i++)
                {
                    quantileValues[i] = head.Query(targets[i].Quantile);
                }
            }

            sum = _sum;
            return _count;
        }
    }

    private void Flush(long now)
    {
        if (_buffered > 0)
        {
            var batch = _buffer.AsSpan(0, _buffered);
#if NET
            batch.Sort();
#else
            Array.Sort(_buffer!, 0, _buffered);
#endif
            foreach (var stream in _streams)
            {
                stream.InsertSorted(batch);
            }

            _buffered = 0;
        }

        Rotate(now);
    }

    private void Rotate(long now)
    {
        if (now < _headExpiresAt)
        {
            return;
        }

        var duration = _summary.StreamDurationTicks;
        if (now - _headExpiresAt >= duration * _streams.Length)
        {
            // Idle for longer than the whole window: everything has aged out.
            foreach (var stream in _streams)
            {
                stream.Reset();
            }

            _headExpiresAt = now + duration;
            return;
        }

        while (now >= _headExpiresAt)
        {
            _streams[_head].Reset();
            _head = (_head + 1) % _streams.Length;
            _headExpiresAt += duration;
        }
    }
}
