using System.Net;
using System.Text;
using Pyrometer.TestUtils;

namespace Pyrometer.Transports.Http.Tests;

public class ResilientHttpSenderTests
{
    [Fact]
    public async Task SendAsync_BasicAuthAndHeaders_SentWithEveryRequest()
    {
        var endpoint = new HttpEndpointOptions { Username = "alice", Password = "s3cret:x", Headers = { ["X-Scope-OrgID"] = "tenant-1" } };
        using var harness = new SendHarness(SendHarness.Options(), ScriptedHttpHandler.Statuses(HttpStatusCode.OK), endpoint);

        await harness.SendAsync();

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret:x")), request.Authorization);
        Assert.Equal("tenant-1", request.Headers["X-Scope-OrgID"]);
    }

    [Fact]
    public async Task SendAsync_BearerToken_SentAsAuthorization()
    {
        var endpoint = new HttpEndpointOptions { BearerToken = "abc.def" };
        using var harness = new SendHarness(SendHarness.Options(), ScriptedHttpHandler.Statuses(HttpStatusCode.OK), endpoint);

        await harness.SendAsync();

        Assert.Equal("Bearer abc.def", Assert.Single(harness.Handler.Requests).Authorization);
    }

    [Fact]
    public async Task SendAsync_Retried_CreatesAFreshRequestPerAttempt()
    {
        var created = 0;
        using var harness = new SendHarness(SendHarness.Options(), ScriptedHttpHandler.Statuses(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK));

        var send = harness.Sender.SendAsync(() =>
        {
            Interlocked.Increment(ref created);
            return new HttpRequestMessage(HttpMethod.Post, SendHarness.Target) { Content = new StringContent("x 1\n") };
        });
        await harness.Time.WaitForTimersAsync(2);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await send;

        Assert.Equal(2, created);
        Assert.All(harness.Handler.Requests, r => Assert.Equal("x 1\n", Encoding.UTF8.GetString(r.Body)));
    }

    [Theory]
    [InlineData("Authorization", true, "sets 'Authorization'")]
    [InlineData("Content-Type", false, "sets 'Content-Type'")]
    public void Validate_ReservedHeader_ThrowsNamingIt(string header, bool withCredentials, string expected)
    {
        var endpoint = new HttpEndpointOptions { Headers = { [header] = "x" }, BearerToken = withCredentials ? "t" : null };

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => endpoint.Validate("Http"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Http.Headers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BasicAndBearer_ThrowsAskingToChoose()
    {
        var endpoint = new HttpEndpointOptions { Username = "u", BearerToken = "t" };

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => endpoint.Validate());

        Assert.Contains("choose basic authentication or a bearer token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetMaxSendDuration_NoJitter_SumsAttemptTimeoutsAndCappedDelays()
    {
        var options = new HttpResilienceOptions
        {
            MaxRetryAttempts = 3, AttemptTimeout = TimeSpan.FromSeconds(5), BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(3), UseJitter = false,
        };

        // 4 attempts of 5 s, delays 1 + 2 + 3 (the third capped).
        Assert.Equal(TimeSpan.FromSeconds(26), options.GetMaxSendDuration());
    }
}
