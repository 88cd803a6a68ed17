using System.Collections;

namespace Pyrometer;

/// <summary>
/// A set of label names and values, as in <c>uploads.Inc(new Labels { ["type"] = "png" })</c>. A
/// <see cref="Dictionary{TKey, TValue}"/> of strings converts to it, so <c>uploads.Inc(new Dictionary&lt;string, string&gt; { ["type"] = "png" })</c>
/// works too, and it is an <see cref="IReadOnlyDictionary{TKey, TValue}"/>, so it can be given as const labels.
/// On a collector that declared its label names the set must name exactly those labels; on one that did not,
/// any names may be used. For hot paths prefer <c>WithLabels(values)</c> and keep the returned series.
/// </summary>
public sealed class Labels : IReadOnlyDictionary<string, string>
{
    private readonly List<KeyValuePair<string, string>> _pairs;

    /// <summary>Creates an empty label set.</summary>
    public Labels()
    {
        _pairs = [];
    }

    /// <summary>Creates a label set from name/value pairs.</summary>
    /// <exception cref="ArgumentException">A name appears twice.</exception>
    public Labels(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        Guard.NotNull(pairs);
        _pairs = [];
        foreach (var pair in pairs)
        {
            Add(pair.Key, pair.Value);
        }
    }

    /// <inheritdoc />
    public int Count => _pairs.Count;

    /// <summary>Gets the label names, in the order they were added.</summary>
    public IEnumerable<string> Keys => _pairs.Select(static pair => pair.Key);

    /// <summary>Gets the label values, in the order their names were added.</summary>
    public IEnumerable<string> Values => _pairs.Select(static pair => pair.Value);

    /// <summary>Gets or sets the value of a label.</summary>
    /// <exception cref="KeyNotFoundException">Getting a label that is not in the set.</exception>
    public string this[string name]
    {
        get => IndexOf(name) is var i and >= 0 ? _pairs[i].Value : throw new KeyNotFoundException($"The label set has no label '{name}'.");
        set
        {
            Guard.NotNull(name);
            Guard.NotNull(value);
            var i = IndexOf(name);
            if (i >= 0)
            {
                _pairs[i] = new(name, value);
            }
            else
            {
                _pairs.Add(new(name, value));
            }
        }
    }

    /// <summary>Adds a label.</summary>
    /// <exception cref="ArgumentException">The set already has a label with this name.</exception>
    public void Add(string name, string value)
    {
        Guard.NotNull(name);
        Guard.NotNull(value);
        if (IndexOf(name) >= 0)
        {
            throw new ArgumentException($"The label '{name}' appears twice in one label set.", nameof(name));
        }

        _pairs.Add(new(name, value));
    }

    /// <summary>Converts a dictionary of label names and values, as aioprometheus takes them, to a label set.</summary>
    /// <exception cref="ArgumentNullException">A name or value is null.</exception>
    [return: NotNullIfNotNull(nameof(labels))]
    public static implicit operator Labels?(Dictionary<string, string>? labels) => labels is null ? null : new(labels);

    /// <summary>Converts a dictionary of label names and values to a label set.</summary>
    /// <exception cref="ArgumentNullException">The dictionary, a name or a value is null.</exception>
    public static Labels FromDictionary(IReadOnlyDictionary<string, string> labels) => new(Guard.NotNull(labels));

    /// <summary>Gets the value of a label, if the set has it.</summary>
#pragma warning disable CS8767 // netstandard2.0's IReadOnlyDictionary has no nullability attributes to match.
    public bool TryGetValue(string name, [MaybeNullWhen(false)] out string value)
#pragma warning restore CS8767
    {
        var i = IndexOf(name);
        value = i >= 0 ? _pairs[i].Value : null;
        return i >= 0;
    }

    /// <summary>Gets whether the set has a label with this name.</summary>
    public bool ContainsKey(string name) => IndexOf(name) >= 0;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string name)
    {
        for (var i = 0; i < _pairs.Count; i++)
        {
            if (string.Equals(_pairs[i].Key, name))
            {
                return i;
            }
        }

        return -1;
    }
}
