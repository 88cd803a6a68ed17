using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pyrometer;

namespace HostedExample;

/// <summary>Runs a simulated job every <c>Worker:JobInterval</c>: some take longer, one in ten fails.</summary>
internal sealed class JobWorker(MetricRegistry registry, IConfiguration configuration) : BackgroundService
{
    private readonly Counter _jobs = registry.CreateCounter("jobs_processed_total", "Jobs processed, by outcome.", "outcome");
    private readonly Histogram _duration = registry.CreateHistogram("job_duration_seconds", "Time a job took.");
    private readonly Gauge _inProgress = registry.CreateGauge("jobs_in_progress", "Jobs running now.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.Parse(configuration["Worker:JobInterval"] ?? "00:00:01", CultureInfo.InvariantCulture);
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await _inProgress.TrackInProgressAsync(() => _duration.TimeAsync(() => RunJobAsync(stoppingToken)));
                    _jobs.WithLabels("ok").Inc();
                }
                catch (InvalidOperationException)
                {
                    _jobs.WithLabels("failed").Inc();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C: the host is stopping.
        }
    }

    private static async Task RunJobAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 300)), cancellationToken);
        if (Random.Shared.Next(10) == 0)
        {
            throw new InvalidOperationException("The simulated job failed.");
        }
    }
}
