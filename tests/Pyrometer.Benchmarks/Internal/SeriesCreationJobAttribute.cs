using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace Pyrometer.Benchmarks.Internal;

/// <summary>
/// The job for benchmarks whose one operation takes tens of milliseconds and leaves state to release:
/// one invocation per iteration (so an iteration cleanup can dispose it), 3 warm-up and 12 measured iterations.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SeriesCreationJobAttribute()
    : JobConfigBaseAttribute(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(12)
        .WithInvocationCount(1).WithUnrollFactor(1).WithId("SeriesCreation"));
