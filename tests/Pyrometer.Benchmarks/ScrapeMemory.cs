using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Pyrometer.Benchmarks.Internal;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Benchmarks;

/// <summary>
/// The <c>--scrape-memory</c> mode: the process's resident memory while <see cref="HttpListenerMetricsServer"/>
/// serves a registry of 1 000 000 series, scraped 12 times over HTTP on loopback (6 plain, 6 gzip, alternating).
/// It prints a markdown table (and writes it beside BenchmarkDotNet's reports) of the RSS at start, at the peak
/// during the scrapes, right after them, and after an idle pause and a full collection.
/// </summary>
/// <remarks>
/// RSS is read from <c>/proc/self/status</c> (VmRSS) where it exists, otherwise from
/// <see cref="Process.WorkingSet64"/>; a sampling thread reads it every few milliseconds during the scrapes for the
/// peak. The client reads each body into <see cref="Stream.Null"/>, so the figures are the server's.
/// </remarks>
internal static class ScrapeMemory
{
    public const string Switch = "--scrape-memory";
    private const int Counters = 10;
    private const int SeriesPerCounter = 100_000;
    private const int Scrapes = 12;
    private static readonly TimeSpan IdlePause = TimeSpan.FromSeconds(5);
    private const string ReportPath = "BenchmarkDotNet.Artifacts/results/Pyrometer.Benchmarks.ScrapeMemory-report-github.md";

    // The option is reached by reflection so that this mode also measures builds from before it existed.
    private static readonly System.Reflection.PropertyInfo? BufferOption = typeof(HttpListenerMetricsServerOptions).GetProperty("MaxRetainedBufferBytes");

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == Switch;

    /// <param name="args">The switch, optionally followed by <see cref="HttpListenerMetricsServerOptions.MaxRetainedBufferBytes"/> in MiB.</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new HttpListenerMetricsServerOptions();
        if (args.Length > 1)
        {
            var bytes = long.Parse(args[1], CultureInfo.InvariantCulture) * 1024 * 1024;
            (BufferOption ?? throw new InvalidOperationException("This build has no MaxRetainedBufferBytes option.")).SetValue(options, bytes);
        }

        var registry = CreateRegistry();
        options.Registry = registry;
        var server = new HttpListenerMetricsServer(options);
        await using var disposeServer = server.ConfigureAwait(false);
        await server.StartAsync().ConfigureAwait(false);
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None });

        FullCollect();
        var start = ReadRss();
        long plainBytes = 0;
        long gzipBytes = 0;
        long peak;
        var scrapeTime = Stopwatch.StartNew();
        using (var sampler = new PeakSampler(start))
        {
            for (var i = 0; i < Scrapes; i++)
            {
                var gzip = i % 2 == 1;
                var length = await ScrapeAsync(client, server.MetricsUrl!, gzip).ConfigureAwait(false);
                if (gzip)
                {
                    gzipBytes = length;
                }
                else
                {
                    plainBytes = length;
                }
            }

            peak = sampler.Stop();
        }

        scrapeTime.Stop();
        var after = ReadRss();
        await Task.Delay(IdlePause).ConfigureAwait(false);
        FullCollect();
        var idle = ReadRss();

        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"RSS of a process serving {Counters * SeriesPerCounter:N0} series with HttpListenerMetricsServer, scraped {Scrapes} times on loopback ({Scrapes / 2} plain bodies of {Mib(plainBytes)} MiB, {Scrapes / 2} gzip bodies of {Mib(gzipBytes)} MiB, {scrapeTime.Elapsed.TotalSeconds:F1} s), {Describe(options)}, {RuntimeDescription()}")
            .AppendLine()
            .AppendLine("| RSS at start | Peak | After 12 scrapes | After idle + GC | Peak / start | After idle / start | Managed heap after idle | GC committed after idle |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| {Mib(start)} MiB | {Mib(peak)} MiB | {Mib(after)} MiB | {Mib(idle)} MiB | {peak / (double)start:F2} | {idle / (double)start:F2} | {Mib(GC.GetTotalMemory(false))} MiB | {Mib(GC.GetGCMemoryInfo().TotalCommittedBytes)} MiB |");

        Console.Write(table);
        Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
        File.WriteAllText(ReportPath, table.ToString());
        Console.WriteLine();
        Console.WriteLine($"Written to {Path.GetFullPath(ReportPath)}");
        GC.KeepAlive(registry);
        return 0;
    }

    private static MetricRegistry CreateRegistry()
    {
        var registry = new MetricRegistry();
        var values = SampleValues.LabelValues(SeriesPerCounter);
        for (var i = 0; i < Counters; i++)
        {
            var counter = registry.CreateCounter($"bench_scrape_{i}_total", "A scraped counter.", "k1", "k2");
            foreach (var value in values)
            {
                counter.WithLabels(value, "b").Inc();
            }
        }

        return registry;
    }

    private static async Task<long> ScrapeAsync(HttpClient client, Uri url, bool gzip)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (gzip)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (gzip != response.Content.Headers.ContentEncoding.Contains("gzip"))
        {
            throw new InvalidOperationException($"Asked for gzip: {gzip}, but the response's Content-Encoding is '{string.Join(", ", response.Content.Headers.ContentEncoding)}'.");
        }

        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var counting = new CountingStream();
        await body.CopyToAsync(counting).ConfigureAwait(false);
        if (counting.Length != response.Content.Headers.ContentLength)
        {
            throw new InvalidOperationException($"Read {counting.Length} bytes but Content-Length said {response.Content.Headers.ContentLength}.");
        }

        return counting.Length;
    }

    private static void FullCollect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long ReadRss()
    {
        const string Prefix = "VmRSS:";
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    var kib = line.AsSpan(Prefix.Length).Trim();
                    kib = kib[..kib.IndexOf(' ')];
                    return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    private static string Describe(HttpListenerMetricsServerOptions options) =>
        BufferOption?.GetValue(options) is long bytes ? $"MaxRetainedBufferBytes {Mib(bytes)} MiB" : "buffers in the shared ArrayPool";

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);

    private static string RuntimeDescription() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";

    /// <summary>Reads the RSS every few milliseconds on its own thread and keeps the largest reading.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stopping;
        private long _peak;

        public PeakSampler(long initial)
        {
            _peak = initial;
            _thread = new Thread(Sample) { IsBackground = true, Name = "RSS sampler" };
            _thread.Start();
        }

        public long Stop()
        {
            _stopping = true;
            _thread.Join();
            return Math.Max(Interlocked.Read(ref _peak), ReadRss());
        }

        public void Dispose()
        {
            if (!_stopping)
            {
                Stop();
            }
        }

        private void Sample()
        {
            while (!_stopping)
            {
                var rss = ReadRss();
                if (rss > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, rss);
                }

                Thread.Sleep(5);
            }
        }
    }

    /// <summary>A write-only sink that counts what it is given.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return default;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
