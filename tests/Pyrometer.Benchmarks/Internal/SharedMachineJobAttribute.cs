using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace Pyrometer.Benchmarks.Internal;

/// <summary>
/// The job for the per-operation benchmarks: one launch (each benchmark in its own process, as the default
/// toolchain does), 5 warm-up and 20 measured iterations of about 500 ms. Enough for stable medians on a
/// shared 2-core machine while the whole suite stays around ten minutes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SharedMachineJobAttribute()
    : JobConfigBaseAttribute(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(20).WithId("SharedMachine"));
