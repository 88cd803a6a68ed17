using Pyrometer.Internal;

namespace Pyrometer.Core.Tests.Internal;

public class ThreadProbeTests
{
    [Fact]
    public void Current_SameThread_Stable()
    {
        Assert.Equal(ThreadProbe.Current, ThreadProbe.Current);
    }

    [Fact]
    public void Advance_ManySteps_NeverZeroAndVisitsEveryCellOfAStripe()
    {
        var cells = new HashSet<int>();
        for (var i = 0; i < 1000; i++)
        {
            ThreadProbe.Advance();
            Assert.NotEqual(0, ThreadProbe.Current);
            cells.Add(ThreadProbe.Current & 7);
        }

        Assert.Equal(8, cells.Count);
    }

    [Fact]
    public void Current_TwoThreads_EachHasItsOwnProbe()
    {
        var probes = new int[2];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() => probes[i] = ThreadProbe.Current)).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.NotEqual(probes[0], probes[1]);
        Assert.All(probes, p => Assert.NotEqual(0, p));
    }
}
