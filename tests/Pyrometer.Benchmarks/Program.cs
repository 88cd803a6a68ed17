using BenchmarkDotNet.Running;
using Pyrometer.Benchmarks;

if (RetainedMemory.Handles(args))
{
    return RetainedMemory.Run(args);
}

if (ScrapeMemory.Handles(args))
{
    return await ScrapeMemory.RunAsync(args).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
