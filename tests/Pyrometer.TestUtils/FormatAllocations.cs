using System.Buffers;
using Pyrometer.Exposition;

namespace Pyrometer.TestUtils;

/// <summary>
/// Measures what one write of a collected registry allocates on the calling thread, after a warm-up write, as the
/// least of a few attempts: now and then a measured write is charged a few KiB it did not allocate (seen on a busy
/// machine with tests running in parallel), while what a write itself allocates shows in every attempt.
/// </summary>
public static class FormatAllocations
{
    private const int MeasuredAttempts = 3;

    /// <summary>Bytes allocated by <see cref="ExpositionFormat.Write"/> into a presized buffer.</summary>
    public static async Task<long> OfWriteAsync(ExpositionFormat format, MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(registry);
        var metrics = await registry.CollectAsync();
        var buffer = new ArrayBufferWriter<byte>(16 * 1024 * 1024);
        format.Write(buffer, metrics);
        var least = long.MaxValue;
        for (var attempt = 0; attempt < MeasuredAttempts; attempt++)
        {
            buffer.ResetWrittenCount();
            var before = GC.GetAllocatedBytesForCurrentThread();
            format.Write(buffer, metrics);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }

    /// <summary>Bytes allocated by <see cref="ExpositionFormat.WriteAsync"/> to a presized memory stream, which completes synchronously.</summary>
    public static async Task<long> OfWriteAsyncToStreamAsync(ExpositionFormat format, MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(registry);
        var metrics = await registry.CollectAsync();
        var stream = new MemoryStream(16 * 1024 * 1024);
        await format.WriteAsync(stream, metrics);

        var least = long.MaxValue;
        for (var attempt = 0; attempt < MeasuredAttempts; attempt++)
        {
            stream.Position = 0;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var pending = format.WriteAsync(stream, metrics);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(pending.IsCompletedSuccessfully);
            await pending;
        }

        return least;
    }
}
