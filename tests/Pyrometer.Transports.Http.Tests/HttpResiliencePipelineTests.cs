using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Pyrometer.TestUtils;

namespace Pyrometer.Transports.Http.Tests;

public class HttpResiliencePipelineTests
{
    [Fact]
    public async Task Create_ServerErrorsThroughout_RetriesAfterDoublingDelaysThenThrowsWithStatus()
    {
        var arrivals = new List<TimeSpan>();
        TimerRecordingTimeProvider? clock = null;
        var start = DateTimeOffset.MinValue;
        using var harness = new SendHarness(SendHarness.Options(retries: 3), new ScriptedHttpHandler((_, _) =>
        {
            lock (arrivals)
            {
                arrivals.Add(clock!.GetUtcNow() - start);
            }

            return Task.FromResult(ScriptedHttpHandler.Respond(HttpStatusCode.ServiceUnavailable, "try later"));
        }));
        clock = harness.Time;
        start = clock.GetUtcNow();

        var send = harness.SendAsync();
        foreach (var (timers, delay) in new[] { (2, 1), (4, 2), (6, 4) })
        {
            await clock.WaitForTimersAsync(timers);
            clock.Advance(TimeSpan.FromSeconds(delay));
        }

        var error = await Assert.ThrowsAsync<HttpTransportException>(() => send);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("try later", error.Message, StringComparison.Ordinal);
        Assert.Equal([0, 1, 3, 7], arrivals.Select(a => a.TotalSeconds));
        // Attempt timeouts arm their timers later (created disarmed); the finite ones are the retry delays.
        Assert.Equal([1, 2, 4], clock.DueTimes.Where(d => d > TimeSpan.Zero).Select(d => d.TotalSeconds));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Create_ServerErrorThenSuccess_RetriesOnceAndSucceeds(HttpStatusCode status)
    {
        using var harness = new SendHarness(SendHarness.Options(), ScriptedHttpHandler.Statuses(status, HttpStatusCode.OK));

        var send = harness.SendAsync();
        await harness.Time.WaitForTimersAsync(2);
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, await send);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Accepted)]
    public async Task Create_Success_ReturnsStatusAfterOneRequest(HttpStatusCode status)
    {
        using var harness = new SendHarness(SendHarness.Options(), ScriptedHttpHandler.Statuses(status));

        Assert.Equal(status, await harness.SendAsync());
        Assert.Single(harness.Handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "pushed metrics are invalid or inconsistent with existing metrics: collected metric x has no help")]
    [InlineData(HttpStatusCode.Unauthorized, "Unauthorized")]
    [InlineData(HttpStatusCode.NotFound, "404 page not found")]
    public async Task Create_ClientError_ThrowsAtOnceWithTheServersExplanation(HttpStatusCode status, string body)
    {
        using var harness = new SendHarness(SendHarness.Options(), new ScriptedHttpHandler((_, _) => Task.FromResult(ScriptedHttpHandler.Respond(status, body))));

        var error = await Assert.ThrowsAsync<HttpTransportException>(() => harness.SendAsync());

        Assert.Equal(status, error.StatusCode);
        Assert.True(error.IsClientError);
        Assert.Equal(body, error.ResponseBody);
        Assert.Contains(body, error.Message, StringComparison.Ordinal);
        Assert.Contains($"{(int)status}", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Create_TooManyRequestsWithRetryAfter_WaitsAsLongAsAsked()
    {
        var answers = 0;
        using var harness = new SendHarness(SendHarness.Options(), new ScriptedHttpHandler((_, _) =>
        {
            if (Interlocked.Increment(ref answers) > 1)
            {
                return Task.FromResult(ScriptedHttpHandler.Respond(HttpStatusCode.OK));
            }

            var response = ScriptedHttpHandler.Respond((HttpStatusCode)429, "slow down");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
            return Task.FromResult(response);
        }));

        var send = harness.SendAsync();
        await harness.Time.WaitForTimersAsync(2);
        harness.Time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Single(harness.Handler.Requests);
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(HttpStatusCode.OK, await send);
        Assert.Equal(TimeSpan.FromSeconds(3), harness.Time.DueTimes.ElementAt(1));
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Create_RetryAfterLongerThanMaxDelay_ThrowsWithoutRetrying()
    {
        using var harness = new SendHarness(SendHarness.Options(), new ScriptedHttpHandler((_, _) =>
        {
            var response = ScriptedHttpHandler.Respond((HttpStatusCode)429, "come back in an hour");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
            return Task.FromResult(response);
        }));

        var error = await Assert.ThrowsAsync<HttpTransportException>(() => harness.SendAsync());

        Assert.Equal(429, (int)error.StatusCode);
        Assert.False(error.IsClientError);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Create_NetworkErrorThenSuccess_Retries()
    {
        var answers = 0;
        using var harness = new SendHarness(SendHarness.Options(), new ScriptedHttpHandler((_, _) =>
            Interlocked.Increment(ref answers) == 1
                ? throw new HttpRequestException("connection refused")
                : Task.FromResult(ScriptedHttpHandler.Respond(HttpStatusCode.OK))));

        var send = harness.SendAsync();
        await harness.Time.WaitForTimersAsync(2);
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, await send);
        Assert.Equal(2, answers);
    }

    [Fact]
    public async Task Create_AttemptsHang_EachTimesOutAfterAttemptTimeout()
    {
        var options = SendHarness.Options(retries: 1);
        options.AttemptTimeout = TimeSpan.FromSeconds(2);
        using var harness = new SendHarness(options, new ScriptedHttpHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return ScriptedHttpHandler.Respond(HttpStatusCode.OK);
        }));

        var send = harness.SendAsync();
        await harness.Time.WaitForTimersAsync(1);
        harness.Time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(send.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));
        await harness.Time.WaitForTimersAsync(2);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.Time.WaitForTimersAsync(3);
        harness.Time.Advance(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => send);
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Equal([1], harness.Time.DueTimes.Where(d => d > TimeSpan.Zero).Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task Create_RepeatedFailures_BreakerOpensFailsFastThenClosesAfterBreakDuration()
    {
        var options = SendHarness.Options(retries: 0, breaker: true);
        options.MinimumThroughput = 2;
        options.FailureRatio = 0.5;
        options.BreakDuration = TimeSpan.FromSeconds(5);
        using var harness = new SendHarness(options, ScriptedHttpHandler.Statuses(HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.OK));

        await Assert.ThrowsAsync<HttpTransportException>(() => harness.SendAsync());
        await Assert.ThrowsAsync<HttpTransportException>(() => harness.SendAsync());
        await Assert.ThrowsAsync<BrokenCircuitException>(() => harness.SendAsync());
        Assert.Equal(2, harness.Handler.Requests.Count);

        harness.Time.Advance(TimeSpan.FromSeconds(4.9));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => harness.SendAsync());
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(HttpStatusCode.OK, await harness.SendAsync());
        Assert.Equal(3, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Create_CallerCancels_NotRetried()
    {
        using var harness = new SendHarness(SendHarness.Options(), ScriptedHttpHandler.Statuses(HttpStatusCode.OK));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.SendAsync(cancelled.Token));
        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsNamingTheSetting()
    {
        var options = new HttpResilienceOptions { MaxDelay = TimeSpan.FromMilliseconds(50) };

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => HttpResiliencePipeline.Create(options));

        Assert.Contains("HttpResilienceOptions.MaxDelay", error.Message, StringComparison.Ordinal);
        Assert.Contains("BaseDelay", error.Message, StringComparison.Ordinal);
    }
}
