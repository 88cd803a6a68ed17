using Pyrometer.TestUtils;
using Microsoft.Extensions.Time.Testing;

namespace Pyrometer.Transports.Kestrel.Tests.Shared;

public sealed class RefusalLogTests
{
    [Fact]
    public void Refused_BurstThenQuietWindow_LogsTheFirstAndCountsTheRestInTheNext()
    {
        var logs = new ListLoggerFactory();
        var time = new FakeTimeProvider();
        var log = new RefusalLog(logs.CreateLogger("Pyrometer.Test"), time);

        for (var i = 0; i < 10; i++)
        {
            log.Refused("wrong bearer token");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var afterBurst = logs.Entries.Count;
        time.Advance(RefusalLog.Window);
        log.Refused("no Authorization header");

        Assert.Equal(1, afterBurst);
        Assert.Equal(2, logs.Entries.Count);
        Assert.Contains("(no Authorization header); 9 earlier refusals", logs.Entries.Last().Message);
    }
}
