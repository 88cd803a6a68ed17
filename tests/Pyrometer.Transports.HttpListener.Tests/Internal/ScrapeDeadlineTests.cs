using Pyrometer.Transports.HttpListener.Internal;

namespace Pyrometer.Transports.HttpListener.Tests.Internal;

public sealed class ScrapeDeadlineTests
{
    [Theory]
    [InlineData("10", 10_000)]
    [InlineData("0.5", 500)]
    [InlineData("9.75", 9_750)]
    [InlineData("86400", 86_400_000)]
    public void TryParse_PositiveSeconds_ReadsThem(string value, int milliseconds)
    {
        Assert.True(ScrapeDeadline.TryParse(value, out var timeout));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), timeout);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("86401")]
    [InlineData("1,5")]
    public void TryParse_NotAUsableDeadline_Ignored(string? value)
    {
        Assert.False(ScrapeDeadline.TryParse(value, out _));
    }

    [Fact]
    public void Start_NoHeader_UsesTheAbortTokenAlone()
    {
        using var abort = new CancellationTokenSource();

        using var deadline = ScrapeDeadline.Start(null, abort.Token);

        Assert.False(deadline.IsClientDeadline);
        Assert.Equal(abort.Token, deadline.Token);
        Assert.Equal(Timeout.InfiniteTimeSpan, deadline.Timeout);
    }

    [Fact]
    public void Start_AbortedBeforeTheDeadline_Cancelled()
    {
        using var abort = new CancellationTokenSource();
        using var deadline = ScrapeDeadline.Start("60", abort.Token);

        abort.Cancel();

        Assert.True(deadline.IsClientDeadline);
        Assert.True(deadline.Token.IsCancellationRequested);
    }

    [Fact]
    public void HasPassed_OnceTheTimeoutElapsed_TrueEvenBeforeTheTimerCancelsTheToken()
    {
        using var deadline = ScrapeDeadline.Start("0.5", CancellationToken.None);
        var before = deadline.HasPassed;

        Thread.Sleep(700);

        Assert.False(before);
        Assert.True(deadline.HasPassed);
    }

    [Fact]
    public void HasPassed_NoHeader_OnlyWhenAborted()
    {
        using var abort = new CancellationTokenSource();
        using var deadline = ScrapeDeadline.Start(null, abort.Token);
        var before = deadline.HasPassed;

        abort.Cancel();

        Assert.False(before);
        Assert.True(deadline.HasPassed);
    }
}
