using BenchmarkDotNet.Running;
using Pyrometer.Benchmarks;

if (RetainedMemory.Handles(args))
{
    return RetainedMemory.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
