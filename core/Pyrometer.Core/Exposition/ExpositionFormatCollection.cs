using System.Collections;

namespace Pyrometer.Exposition;

/// <summary>
/// The formats a transport can serve, and content negotiation among them. Format packages add themselves with
/// their own <c>Add...</c> extension methods; the first format added is the fallback unless another is chosen.
/// </summary>
public sealed class ExpositionFormatCollection : IReadOnlyList<ExpositionFormat>
{
    private readonly List<ExpositionFormat> _formats = [];
    private ExpositionFormat? _fallback;

    /// <inheritdoc />
    public int Count => _formats.Count;

    /// <summary>
    /// Gets or sets the format served when the client accepts anything (<c>*/*</c>), sends no Accept header, or
    /// accepts nothing offered. Default: the first format added.
    /// </summary>
    /// <exception cref="InvalidOperationException">Getting it while the collection is empty.</exception>
    /// <exception cref="ArgumentException">Setting a format that is not in the collection.</exception>
    public ExpositionFormat Fallback
    {
        get => _fallback ?? (_formats.Count > 0 ? _formats[0] : throw new InvalidOperationException("No exposition format has been added."));
        set
        {
            Guard.NotNull(value);
            if (!_formats.Contains(value))
            {
                throw new ArgumentException($"The fallback format '{value.Name}' must be added to the collection first.", nameof(value));
            }

            _fallback = value;
        }
    }

    /// <inheritdoc />
    public ExpositionFormat this[int index] => _formats[index];

    /// <summary>Adds a format; adding one whose name is already present replaces it.</summary>
    public ExpositionFormatCollection Add(ExpositionFormat format)
    {
        Guard.NotNull(format);
        var at = _formats.FindIndex(f => string.Equals(f.Name, format.Name, StringComparison.Ordinal));
        if (at >= 0)
        {
            if (ReferenceEquals(_fallback, _formats[at]))
            {
                _fallback = format;
            }

            _formats[at] = format;
        }
        else
        {
            _formats.Add(format);
        }

        return this;
    }

    /// <summary>Gets the format with this name (see <see cref="ExpositionFormat.Name"/>), or null.</summary>
    public ExpositionFormat? FindByName(string name) =>
        _formats.Find(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Picks the format for an <c>Accept</c> header: the acceptable range with the highest quality wins (earlier
    /// entries win ties), and among formats satisfying it the one with the highest <see cref="ExpositionFormat.Quality"/>.
    /// A wildcard, a missing or malformed header, or nothing acceptable yields <see cref="Fallback"/>.
    /// </summary>
    public ExpositionFormat Negotiate(string? acceptHeader)
    {
        var fallback = Fallback;
        var ranges = MediaRange.ParseAcceptHeader(acceptHeader);
        foreach (var range in ranges.Where(r => r.Quality > 0).OrderByDescending(r => r.Quality).ThenBy(r => r.Position))
        {
            if (range.IsWildcard && !IsExcluded(fallback, ranges))
            {
                return fallback;
            }

            ExpositionFormat? best = null;
            foreach (var format in _formats)
            {
                var acceptable = range.Subtype == "*" ? range.Covers(format.MediaType) : format.Satisfies(range);
                if (acceptable && !IsExcluded(format, ranges) && Prefer(format, best, fallback))
                {
                    best = format;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return fallback;
    }

    // A format named with q=0 is never chosen through a wildcard or a broader range.
    private static bool IsExcluded(ExpositionFormat format, IReadOnlyList<MediaRange> ranges)
    {
        foreach (var range in ranges)
        {
            if (range.Quality == 0 && range.Subtype != "*" && format.Satisfies(range))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Prefer(ExpositionFormat candidate, ExpositionFormat? best, ExpositionFormat fallback) =>
        best is null
        || candidate.Quality > best.Quality
        || (candidate.Quality == best.Quality && ReferenceEquals(candidate, fallback));

    /// <inheritdoc />
    public IEnumerator<ExpositionFormat> GetEnumerator() => _formats.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
