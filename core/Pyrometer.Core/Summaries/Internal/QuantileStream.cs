namespace Pyrometer.Internal;

/// <summary>
/// Targeted quantile estimation over a stream (Cormode, Korn, Muthukrishnan and Srivastava, "Effective
/// Computation of Biased Quantiles over Data Streams", 2005). Keeps tuples (value, g, delta) sorted by value such
/// that every target quantile q is answered by an observation whose rank is within error·n of q·n.
/// Not thread-safe: its owner serializes access.
/// </summary>
internal sealed class QuantileStream
{
    private readonly QuantileTarget[] _targets;
    private double[] _values = [];
    private double[] _widths = [];
    private double[] _deltas = [];
    private double[] _spareValues = [];
    private double[] _spareWidths = [];
    private double[] _spareDeltas = [];
    private int _length;
    private double _count;

    public QuantileStream(QuantileTarget[] targets)
    {
        _targets = targets;
    }

    public double Count => _count;

    internal int TupleCount => _length;

    public void Reset()
    {
        _length = 0;
        _count = 0;
    }

    /// <summary>Merges a batch of observations, which must be sorted ascending.</summary>
    public void InsertSorted(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty)
        {
            return;
        }

        EnsureSpare(_length + sorted.Length);
        var outLength = 0;
        var rank = 0.0;
        var i = 0;
        for (var s = 0; s < sorted.Length; s++)
        {
            var value = sorted[s];
            while (i < _length && _values[i] <= value)
            {
                rank += _widths[i];
                Put(ref outLength, _values[i], _widths[i], _deltas[i]);
                i++;
            }

            _count++;
            var delta = outLength == 0 || i == _length ? 0 : Math.Max(0, Math.Floor(Invariant(rank, _count)) - 1);
            Put(ref outLength, value, 1, delta);
            rank += 1;
        }

        while (i < _length)
        {
            Put(ref outLength, _values[i], _widths[i], _deltas[i]);
            i++;
        }

        (_values, _spareValues) = (_spareValues, _values);
        (_widths, _spareWidths) = (_spareWidths, _widths);
        (_deltas, _spareDeltas) = (_spareDeltas, _deltas);
        _length = outLength;
        Compress();
    }

    /// <summary>Estimates a quantile; NaN when the stream is empty.</summary>
    public double Query(double quantile)
    {
        if (_length == 0)
        {
            return double.NaN;
        }

        var target = Math.Ceiling(quantile * _count);
        target += Math.Ceiling(Invariant(target, _count) / 2);
        var rank = 0.0;
        for (var i = 1; i < _length; i++)
        {
            rank += _widths[i - 1];
            if (rank + _widths[i] + _deltas[i] > target)
            {
                return _values[i - 1];
            }
        }

        return _values[_length - 1];
    }

    private void Put(ref int index, double value, double width, double delta)
    {
        _spareValues[index] = value;
        _spareWidths[index] = width;
        _spareDeltas[index] = delta;
        index++;
    }

    /// <summary>The allowed spread f(r, n) at rank r: the tightest of the targets' bounds.</summary>
    private double Invariant(double rank, double count)
    {
        var min = double.MaxValue;
        foreach (var t in _targets)
        {
            var f = t.Quantile * count <= rank
                ? 2 * t.Error * rank / t.Quantile
                : 2 * t.Error * (count - rank) / (1 - t.Quantile);
            if (f < min)
            {
                min = f;
            }
        }

        return min;
    }

    private void Compress()
    {
        if (_length < 3)
        {
            return;
        }

        // Walk from the top down, folding a tuple into its successor while the invariant allows it;
        // the survivors are written back from the end of the arrays.
        var rank = _count - 1 - _widths[_length - 1];
        var write = _length - 1;
        for (var read = _length - 2; read >= 1; read--)
        {
            var width = _widths[read];
            if (width + _widths[write] + _deltas[write] <= Invariant(rank, _count))
            {
                _widths[write] += width;
            }
            else
            {
                write--;
                _values[write] = _values[read];
                _widths[write] = width;
                _deltas[write] = _deltas[read];
            }

            rank -= width;
        }

        write--;
        _values[write] = _values[0];
        _widths[write] = _widths[0];
        _deltas[write] = _deltas[0];

        var kept = _length - write;
        Array.Copy(_values, write, _values, 0, kept);
        Array.Copy(_widths, write, _widths, 0, kept);
        Array.Copy(_deltas, write, _deltas, 0, kept);
        _length = kept;
    }

    private void EnsureSpare(int size)
    {
        if (_spareValues.Length >= size)
        {
            return;
        }

        var capacity = Math.Max(size, _spareValues.Length * 2);
        _spareValues = new double[capacity];
        _spareWidths = new double[capacity];
        _spareDeltas = new double[capacity];
        Array.Resize(ref _values, capacity);
        Array.Resize(ref _widths, capacity);
        Array.Resize(ref _deltas, capacity);
    }
}
