using Microsoft.Extensions.Time.Testing;

namespace Pyrometer.Core.Tests;

public partial class CounterTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);

    [Fact]
    public void Exemplar_NoneRecorded_IsNull()
    {
        var series = _registry.CreateCounter("requests_total", "Requests.", "path").WithLabels("/");

        series.Inc();
        series.Add(2);

        Assert.Null(series.Exemplar);
    }

    [Fact]
    public void IncWithExemplar_Series_AddsOneAndKeepsExemplarWithValueOneAndTime()
    {
        var time = new FakeTimeProvider(Start);
        var counter = new MetricRegistry(new MetricRegistryOptions { TimeProvider = time }).CreateCounter("requests_total", "Requests.", "path");
        var series = counter.WithLabels("/");

        series.Inc(Exemplar.From("trace_id", "abc"));

        Assert.Equal(1, series.Value);
        var recorded = Assert.IsType<RecordedExemplar>(series.Exemplar);
        Assert.Equal([new("trace_id", "abc")], recorded.Labels);
        Assert.Equal(1, recorded.Value);
        Assert.Equal(Start, recorded.Timestamp);
    }

    [Fact]
    public void AddWithExemplar_Series_AddsAmountAndKeepsItAsExemplarValue()
    {
        var series = _registry.CreateCounter("bytes_total", "Bytes.", "path").WithLabels("/");

        series.Add(2.5, Exemplar.From("trace_id", "abc"));

        Assert.Equal(2.5, series.Value);
        Assert.Equal(2.5, series.Exemplar!.Value);
    }

    [Fact]
    public void AddWithExemplar_SeveralRecordings_LatestWinsWithItsOwnTime()
    {
        var time = new FakeTimeProvider(Start);
        var counter = new MetricRegistry(new MetricRegistryOptions { TimeProvider = time }).CreateCounter("bytes_total", "Bytes.");
        counter.Add(1, Exemplar.From("trace_id", "first"));
        time.Advance(TimeSpan.FromMilliseconds(1500));
        counter.Add(4, Exemplar.From("trace_id", "second"));
        time.Advance(TimeSpan.FromSeconds(1));
        counter.Add(10);

        var recorded = counter.Series.First().Exemplar!;
        Assert.Equal(15, counter.Value);
        Assert.Equal("second", recorded.Labels[0].Value);
        Assert.Equal(4, recorded.Value);
        Assert.Equal(Start.AddMilliseconds(1500), recorded.Timestamp);
    }

    [Fact]
    public void IncWithExemplar_Unlabelled_RecordsOnTheUnlabelledSeries()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.");

        counter.Inc(Exemplar.From("trace_id", "abc"));

        var series = Assert.Single(counter.Series.ToArray());
        Assert.Equal(1, counter.Value);
        Assert.Equal("abc", series.Exemplar!.Labels[0].Value);
    }

    [Fact]
    public void IncWithExemplar_UnlabelledOnLabelledCounter_Throws()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "path");

        Assert.Throws<InvalidOperationException>(() => counter.Inc(Exemplar.From("trace_id", "abc")));
        Assert.Throws<InvalidOperationException>(() => counter.Add(1, Exemplar.From("trace_id", "abc")));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void AddWithExemplar_NegativeOrNaN_ThrowsAndKeepsValueAndExemplar(double amount)
    {
        var counter = _registry.CreateCounter("bytes_total", "Bytes.");
        counter.Add(3, Exemplar.From("trace_id", "kept"));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => counter.Add(amount, Exemplar.From("trace_id", "lost")));

        Assert.Equal("amount", ex.ParamName);
        Assert.Equal(3, counter.Value);
        Assert.Equal("kept", counter.Series.First().Exemplar!.Labels[0].Value);
    }

    [Fact]
    public void IncWithExemplar_Null_ThrowsAndCountsNothing()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.");

        Assert.Throws<ArgumentNullException>(() => counter.Inc((Exemplar)null!));
        Assert.Throws<ArgumentNullException>(() => counter.Add(1, null!));
        Assert.Equal(0, counter.Value);
    }

    [Fact]
    public void AddWithExemplar_ManyThreads_CountsExactlyAndExemplarNeverTorn()
    {
        var series = _registry.CreateCounter("bytes_total", "Bytes.", "path").WithLabels("/");
        var exemplars = Enumerable.Range(1, Threads).Select(t => Exemplar.From("thread", t.ToString())).ToArray();
        var writers = WriterThreads.Start(Threads, t =>
        {
            for (var i = 0; i < IncrementsPerThread / 10; i++)
            {
                series.Add(t + 1, exemplars[t]);
            }
        });

        var reads = 0;
        while (writers.Running || reads == 0)
        {
            // Each thread adds its own number with its own exemplar, so a torn read would pair them wrongly.
            if (series.Exemplar is { } recorded)
            {
                Assert.Equal(recorded.Value.ToString(), recorded.Labels[0].Value);
                reads++;
            }
        }

        writers.Join();
        Assert.Equal(IncrementsPerThread / 10 * Enumerable.Range(1, Threads).Sum(), series.Value);
        Assert.NotNull(series.Exemplar);
    }
}
