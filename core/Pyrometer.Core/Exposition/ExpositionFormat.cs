using System.Buffers;

namespace Pyrometer.Exposition;

/// <summary>
/// An exposition format (Prometheus text, OpenMetrics, protobuf, ...). Format packages derive from it and add
/// themselves to an <see cref="ExpositionFormatCollection"/>; transports negotiate among the formats they are given.
/// </summary>
public abstract class ExpositionFormat
{
    /// <summary>Gets a short, unique, lower-case name for the format, used by query overrides such as <c>?format=openmetrics</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the media type without parameters, e.g. <c>text/plain</c>.</summary>
    public abstract string MediaType { get; }

    /// <summary>Gets the full, versioned Content-Type a response in this format carries.</summary>
    public abstract string ContentType { get; }

    /// <summary>
    /// Gets the server's preference for this format, 0 to 1, used to break ties between formats a client accepts
    /// equally (for example under <c>*/*</c> or <c>application/*</c>). Default: 1.
    /// </summary>
    public virtual double Quality => 1.0;

    /// <summary>Gets whether this format satisfies a specific (non-wildcard) media range, including its version parameter.</summary>
    public abstract bool Satisfies(MediaRange range);

    /// <summary>Writes the metrics, as UTF-8 or binary per the format, to a buffer writer.</summary>
    public abstract void Write(IBufferWriter<byte> destination, CollectedMetrics metrics);

    /// <summary>
    /// Writes the metrics to a stream. The default buffers in pooled memory and copies it to the stream in one write;
    /// formats may override it to stream as they go.
    /// </summary>
    public virtual async ValueTask WriteAsync(Stream destination, CollectedMetrics metrics, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(destination);
        using var buffer = new PooledByteBuffer();
        Write(buffer, metrics);
        await buffer.WriteToAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}
