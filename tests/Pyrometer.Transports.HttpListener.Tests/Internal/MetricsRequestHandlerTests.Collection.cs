using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Pyrometer.Exposition;
using Pyrometer.TestUtils;
using Pyrometer.Transports.HttpListener.Tests.Fakes;

namespace Pyrometer.Transports.HttpListener.Tests.Internal;

public sealed partial class MetricsRequestHandlerTests
{
    // Releases callbacks that block forever on servers without a collect timeout, so such a test fails instead of
    // hanging. Far beyond the bounds the tests assert, so a slow (loaded) run never sees a callback released early.
    private static readonly TimeSpan BlockingSafetyRelease = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Get_SyncCallbackHangs_Answers503WithinTheCollectTimeoutAndKeepsServing()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { CollectTimeout = TimeSpan.FromMilliseconds(300) });
        registry.CreateCounter("jobs_total", "Jobs.");
        using var gate = new ManualResetEventSlim();
        using var safety = new Timer(_ => gate.Set(), null, BlockingSafetyRelease, Timeout.InfiniteTimeSpan);
        var invocations = 0;
        using var callback = registry.AddCollectCallback(() =>
        {
            Interlocked.Increment(ref invocations);
            gate.Wait();
        });
        var logs = new ListLoggerFactory();
        var options = Options(registry);
        options.LoggerFactory = logs;
        await using var server = await RunningServer.StartAsync(options);

        var watch = Stopwatch.StartNew();
        using var hung = await server.GetAsync();
        var hungAfter = watch.Elapsed;
        using var again = await server.GetAsync();
        using var otherPath = await server.Client.GetAsync(new Uri(server.Url, "/other"));
        var invocationsWhileHung = Volatile.Read(ref invocations);
        gate.Set();
        using var recovered = await server.GetAsync();

        // Answered by the collect timeout (0.3 s), not when the callback is released (after 60 s); the bound leaves
        // room for a loaded machine.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, hung.StatusCode);
        Assert.True(hungAfter < TimeSpan.FromSeconds(15), $"The hung scrape was answered after {hungAfter.TotalMilliseconds} ms.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPath.StatusCode);
        Assert.Equal(1, invocationsWhileHung);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal("format=text\njobs_total\n", await recovered.Content.ReadAsStringAsync());
        Assert.Contains(logs.Entries, e => e.Exception is MetricsCollectionException && e.Exception.Message.Contains("collect timeout of 0.3 s"));
    }

    [Fact]
    public async Task Get_ConcurrentScrapesOfASlowCallback_RunItOnce()
    {
        var time = new TimerCountingTimeProvider();
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = time, CollectTimeout = TimeSpan.FromSeconds(20) });
        var gauge = registry.CreateGauge("runs", "Runs.");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var invocations = 0;
        using var callback = registry.AddCollectCallback(async _ =>
        {
            gauge.Set(Interlocked.Increment(ref invocations));
            await gate.Task;
        });
        var options = Options(registry);
        options.Formats = new ExpositionFormatCollection().AddTextFormats();
        options.MaxConcurrentScrapes = 4;
        await using var server = await RunningServer.StartAsync(options);

        var scrapes = Enumerable.Range(0, 4).Select(_ => server.GetAsync()).ToArray();
        await WaitUntilAsync(() => time.TimersCreated == 4);
        gate.SetResult();
        var served = await Task.WhenAll(scrapes).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, invocations);
        foreach (var response in served)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("runs 1\n", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Get_ScrapesPastTheirDeadline_ReleaseTheirSlotsAndCancelTheCallback()
    {
        var registry = new MetricRegistry();
        var callbackCancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var invocations = 0;
        using var callback = registry.AddCollectCallback(async cancellationToken =>
        {
            if (Interlocked.Increment(ref invocations) > 1)
            {
                return;
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                callbackCancelled.TrySetResult(cancellationToken.IsCancellationRequested);
            }
        });
        var options = Options(registry);
        options.MaxConcurrentScrapes = 2;
        options.ScrapeQueueTimeout = TimeSpan.Zero;
        await using var server = await RunningServer.StartAsync(options);

        var abandoned = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => GetWithDeadlineAsync(server, "0.3"))).WaitAsync(TimeSpan.FromSeconds(30));
        var cancelled = await callbackCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var later = await server.GetAsync();

        Assert.All(abandoned, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.Contains("deadline passed (X-Prometheus-Scrape-Timeout-Seconds: 0.3)", await abandoned[0].Content.ReadAsStringAsync());
        Assert.True(cancelled);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(2, invocations);
    }

    [Fact]
    public async Task Get_ManyScrapesWhileASyncCallbackBlocks_AllAnswerWithinTheTimeout()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { CollectTimeout = TimeSpan.FromSeconds(2) });
        using var gate = new ManualResetEventSlim();
        using var safety = new Timer(_ => gate.Set(), null, BlockingSafetyRelease, Timeout.InfiniteTimeSpan);
        var running = new Pyrometer.TestUtils.OverlapCounter();
        using var callback = registry.AddCollectCallback(() =>
        {
            running.Enter();
            gate.Wait();
            running.Exit();
        });
        var options = Options(registry);
        options.MaxConcurrentScrapes = 16;
        await using var server = await RunningServer.StartAsync(options);

        var watch = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => server.GetAsync())).WaitAsync(TimeSpan.FromSeconds(50));
        var answeredAfter = watch.Elapsed;
        gate.Set();

        // Side by side they take about one collect timeout (2 s); one after another they would take 16 (32 s). The
        // bound between leaves room for a loaded machine.
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.True(answeredAfter < TimeSpan.FromSeconds(12), $"16 scrapes of a blocked callback were answered after {answeredAfter.TotalMilliseconds} ms.");
        Assert.Equal(1, running.Max);
    }

    [Fact]
    public async Task Get_DeadlinePassesWhileWritingTheBody_Answers503()
    {
        var options = Options();
        options.Formats = new ExpositionFormatCollection().Add(new SlowFormat(FakeFormat.Text(), TimeSpan.FromMilliseconds(800)));
        await using var server = await RunningServer.StartAsync(options);

        using var response = await GetWithDeadlineAsync(server, "0.3");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("deadline passed (X-Prometheus-Scrape-Timeout-Seconds: 0.3)", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_ClientStopsReadingPastItsDeadline_ItsSlotIsReleased()
    {
        // Only the stalled scrape's deadline can free the slot (no send stall bound), and the next scrape waits long
        // enough for that to happen on a loaded machine.
        await using var server = await RunningServer.StartAsync(OneSlotForALargeBody(o =>
        {
            o.ScrapeQueueTimeout = TimeSpan.FromSeconds(20);
            o.SendStallTimeout = Timeout.InfiniteTimeSpan;
        }));

        using var stalled = await SendAndNeverReadAsync(server, "X-Prometheus-Scrape-Timeout-Seconds: 0.5\r\n");
        using var next = await server.GetAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(LargeBodyLength, (await next.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Get_ClientWithoutDeadlineStopsReading_CutOffAfterTheSendStallTimeoutAndItsSlotIsReleased()
    {
        await using var server = await RunningServer.StartAsync(OneSlotForALargeBody(o =>
        {
            o.ScrapeQueueTimeout = TimeSpan.FromSeconds(30);
            o.SendStallTimeout = TimeSpan.FromMilliseconds(500);
        }));

        // Without X-Prometheus-Scrape-Timeout-Seconds, only the bound on the send frees the only slot: without it the
        // client, which never reads, would hold it until TCP gives up, many minutes later, and the next scrape would
        // be refused after its 30 s in the queue. The bounds leave room for a loaded machine.
        using var stalled = await SendAndNeverReadAsync(server, "");
        var watch = Stopwatch.StartNew();
        using var next = await server.GetAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(LargeBodyLength, (await next.Content.ReadAsByteArrayAsync()).Length);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"The next scrape got its slot after {watch.Elapsed}.");
    }

    private const int LargeBodyLength = 16 * 1024 * 1024;

    private static HttpListenerMetricsServerOptions OneSlotForALargeBody(Action<HttpListenerMetricsServerOptions> configure)
    {
        var options = new HttpListenerMetricsServerOptions
        {
            Registry = new MetricRegistry(),
            Formats = new ExpositionFormatCollection().Add(new SizedFormat(LargeBodyLength)),
            MaxConcurrentScrapes = 1,
        };
        configure(options);
        return options;
    }

    // A client with a small receive window that sends a scrape and never reads the answer.
    private static async Task<TcpClient> SendAndNeverReadAsync(RunningServer server, string extraHeaders)
    {
        var stalled = new TcpClient { ReceiveBufferSize = 4096 };
        await stalled.ConnectAsync(IPAddress.Loopback, server.Url.Port);
        var request = $"GET {server.Url.PathAndQuery} HTTP/1.1\r\nHost: {server.Url.Authority}\r\n{extraHeaders}\r\n";
        await stalled.GetStream().WriteAsync(Encoding.ASCII.GetBytes(request));
        await Task.Delay(200);
        return stalled;
    }

    private static Task<HttpResponseMessage> GetWithDeadlineAsync(RunningServer server, string seconds)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, server.Url);
        request.Headers.TryAddWithoutValidation("X-Prometheus-Scrape-Timeout-Seconds", seconds);
        return server.Client.SendAsync(request);
    }
}
