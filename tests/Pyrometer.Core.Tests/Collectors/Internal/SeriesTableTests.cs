using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace Pyrometer.Core.Tests.Internal;

public class SeriesTableTests(ITestOutputHelper output)
{
    // Removal rebuilds the index and the list only when removed series outnumber live ones, sized to the live
    // ones, so the bytes allocated by removing N series add up to about 30 per series.
    private const int MaxBytesPerRemoval = 64;

    private readonly MetricRegistry _registry = new();

    [Fact]
    public void Remove_10kSeriesOneByOne_AllocatesLittlePerCall()
    {
        Warm();
        var (counter, ids) = Populate(10_000);

        var allocated = RemoveAll(counter, ids);

        Assert.Equal(0, counter.SeriesCount);
        Assert.True(allocated <= (long)MaxBytesPerRemoval * ids.Length, $"Removing {ids.Length} series allocated {allocated} bytes.");
    }

    [Fact]
    public void Remove_FourTimesTheSeries_AllocatesAtMostAboutFourTimesTheBytes()
    {
        Warm();
        var (small, smallIds) = Populate(5_000);
        var (large, largeIds) = Populate(20_000);

        var smallBytes = RemoveAll(small, smallIds);
        var largeBytes = RemoveAll(large, largeIds);

        // Linear growth gives 4; rebuilding on every call, as removal once did, gives 16.
        Assert.True(largeBytes <= 6 * Math.Max(smallBytes, 1_000), $"5k removals allocated {smallBytes} bytes, 20k allocated {largeBytes}.");
    }

    [Fact]
    public void Remove_AllOf100k_CapacitiesSmallAgainAndSeriesReleased()
    {
        var (counter, ids) = Populate(100_000);
        var table = counter.Table;
        Assert.True(table.SlotCapacity >= 200_000);
        var firstRemoved = WeakFirst(counter);

        foreach (var id in ids)
        {
            counter.RemoveLabels(id);
        }

        Assert.Equal(0, counter.SeriesCount);
        Assert.True(table.SlotCapacity <= 8, $"{table.SlotCapacity} slots left.");
        Assert.True(table.ListCapacity <= 4, $"{table.ListCapacity} list positions left.");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.False(firstRemoved.IsAlive);
    }

    [Fact]
    public void Remove_AllBut10Of100k_CapacitiesFollowLiveSeries()
    {
        var (counter, ids) = Populate(100_000);

        foreach (var id in ids[10..])
        {
            counter.RemoveLabels(id);
        }

        Assert.Equal(ids.Take(10), counter.Series.Select(s => s.LabelValues[0]));
        Assert.True(counter.Table.SlotCapacity <= 64, $"{counter.Table.SlotCapacity} slots for 10 series.");
        Assert.True(counter.Table.ListCapacity <= 64, $"{counter.Table.ListCapacity} list positions for 10 series.");
    }

    [Fact]
    public void Remove_WhileReadersEnumerateAndLookUp_ReadersSeeEveryStableSeriesOnceInOrder()
    {
        // Stable series (never removed) interleaved in creation order with churning ones that writers remove
        // and re-add while a reader enumerates views and another looks the stable ones up.
        const int Stable = 300;
        var counter = _registry.CreateCounter("requests_total", "Requests.", "id");
        var stableIds = Enumerable.Range(0, Stable).Select(i => "s" + i).ToArray();
        var churnIds = Enumerable.Range(0, 2 * Stable).Select(i => "c" + i).ToArray();
        var stable = new CounterSeries[Stable];
        for (var i = 0; i < Stable; i++)
        {
            stable[i] = counter.WithLabels(stableIds[i]);
            counter.WithLabels(churnIds[2 * i]);
            counter.WithLabels(churnIds[(2 * i) + 1]);
        }

        // The writers stop once the reader has scraped enough times, or after a bounded number of rounds.
        var scrapes = 0;
        var writers = WriterThreads.Start(2, t =>
        {
            for (var round = 0; round < 2_000 && Volatile.Read(ref scrapes) < 500; round++)
            {
                for (var i = t; i < churnIds.Length; i += 2)
                {
                    counter.RemoveLabels(churnIds[i]);
                }

                for (var i = t; i < churnIds.Length; i += 2)
                {
                    counter.WithLabels(churnIds[i]);
                }
            }
        });

        var failures = new List<string>();
        var lookups = new Thread(() =>
        {
            while (writers.Running)
            {
                for (var i = 0; i < Stable; i++)
                {
                    if (!ReferenceEquals(stable[i], counter.WithLabels(stableIds[i])))
                    {
                        lock (failures)
                        {
                            failures.Add($"lookup of {stableIds[i]} returned another series");
                        }
                    }
                }
            }
        });
        lookups.Start();

        var buffer = new CounterSeries[4 * Stable];
        var seen = new HashSet<CounterSeries>(ReferenceEqualityComparer.Instance);
        var allocatedWhileReading = 0L;
        while (writers.Running || scrapes == 0)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var view = counter.Series;
            var count = 0;
            foreach (var series in view)
            {
                buffer[count++] = series;
            }

            allocatedWhileReading += GC.GetAllocatedBytesForCurrentThread() - before;
            Interlocked.Increment(ref scrapes);

            Assert.True(count <= view.Count, $"enumerated {count} series of a view counting {view.Count}");
            seen.Clear();
            var next = 0;
            for (var i = 0; i < count; i++)
            {
                Assert.NotNull(buffer[i]);
                Assert.True(seen.Add(buffer[i]), $"{buffer[i].LabelValues[0]} enumerated twice");
                if (next < Stable && ReferenceEquals(buffer[i], stable[next]))
                {
                    next++;
                }
            }

            Assert.True(next == Stable, $"stable series {next} missing or out of order in scrape {scrapes}");
        }

        writers.Join();
        lookups.Join();
        output.WriteLine($"{scrapes} scrapes while the writers ran.");
        Assert.Empty(failures);
        Assert.Equal(0, allocatedWhileReading);
        Assert.Equal(3 * Stable, counter.SeriesCount);
        Assert.Equal(3 * Stable, counter.Series.ToArray().Length);
    }

    private static long RemoveAll(Counter counter, string[] ids)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var id in ids)
        {
            counter.RemoveLabels(id);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WeakFirst(Counter counter) => new(counter.Series.First());

    private void Warm()
    {
        var (counter, ids) = Populate(100);
        RemoveAll(counter, ids);
    }

    private (Counter Counter, string[] Ids) Populate(int count)
    {
        var counter = _registry.CreateCounter($"series_{count}_{Guid.NewGuid():N}_total", "Series.", "id");
        var ids = Enumerable.Range(0, count).Select(i => i.ToString()).ToArray();
        foreach (var id in ids)
        {
            counter.WithLabels(id);
        }

        return (counter, ids);
    }
}
