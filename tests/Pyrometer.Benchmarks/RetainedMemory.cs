using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pyrometer.Benchmarks.Internal;

namespace Pyrometer.Benchmarks;

/// <summary>
/// The <c>--retained</c> mode: managed memory kept per series by a counter with 100 000 series of 2 labels.
/// Each library is measured in its own child process, three times; the median is reported as a markdown table
/// (printed, and written beside BenchmarkDotNet's reports).
/// </summary>
/// <remarks>
/// A measurement forces a full collection and reads <see cref="GC.GetTotalMemory(bool)"/> before and after
/// creating the registry (or meter provider), the counter and its series, keeping them reachable, and divides
/// the difference by the series count. Label values exist before the first reading, so their strings are not
/// counted; a small population is created and dropped first so one-time static state is not counted either.
/// </remarks>
internal static class RetainedMemory
{
    public const string ParentSwitch = "--retained";
    private const string ChildSwitch = "--retained-one";
    private const int Runs = 3;
    private const string ReportPath = "BenchmarkDotNet.Artifacts/results/Pyrometer.Benchmarks.RetainedMemory-report-github.md";

    private static readonly string[] Libraries = ["Pyrometer", "PrometheusNet", "OpenTelemetry"];

    public static bool Handles(string[] args) => args.Length > 0 && (args[0] == ParentSwitch || args[0] == ChildSwitch);

    public static int Run(string[] args)
    {
        if (args is [ChildSwitch, var library])
        {
            Console.WriteLine(Measure(library).ToString("R", CultureInfo.InvariantCulture));
            return 0;
        }

        var medians = new double[Libraries.Length];
        for (var i = 0; i < Libraries.Length; i++)
        {
            var samples = new double[Runs];
            for (var run = 0; run < Runs; run++)
            {
                samples[run] = MeasureInChild(Libraries[i]);
            }

            Array.Sort(samples);
            medians[i] = samples[Runs / 2];
        }

        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Managed memory retained per series ({SeriesCreationBenchmarks.SeriesCount:N0} series of 2 labels, median of {Runs} processes, {RuntimeDescription()})")
            .AppendLine()
            .AppendLine("| Library | Bytes per series | Ratio |")
            .AppendLine("|---|---:|---:|");
        for (var i = 0; i < Libraries.Length; i++)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {Libraries[i]} | {medians[i]:F1} | {medians[i] / medians[0]:F2} |");
        }

        Console.Write(table);
        Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
        File.WriteAllText(ReportPath, table.ToString());
        Console.WriteLine();
        Console.WriteLine($"Written to {Path.GetFullPath(ReportPath)}");
        return 0;
    }

    private static double MeasureInChild(string library)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RetainedMemory).Assembly.Location);
        }

        start.ArgumentList.Add(ChildSwitch);
        start.ArgumentList.Add(library);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the measuring process.");
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"Measuring {library} failed with exit code {child.ExitCode}.");
        }

        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    private static double Measure(string library)
    {
        var values = SampleValues.LabelValues(SeriesCreationBenchmarks.SeriesCount);
        Dispose(Create(library, SampleValues.LabelValues(100)));

        var before = GetLiveBytes();
        var population = Create(library, values);
        var after = GetLiveBytes();

        Verify(population, values.Length);
        Dispose(population);
        GC.KeepAlive(values);
        return (after - before) / (double)values.Length;
    }

    private static long GetLiveBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static object Create(string library, string[] values) => library switch
    {
        "Pyrometer" => SeriesPopulation.Pyrometer(values),
        "PrometheusNet" => SeriesPopulation.PrometheusNet(values),
        "OpenTelemetry" => SeriesPopulation.OpenTelemetry(values),
        _ => throw new ArgumentException($"Unknown library '{library}'; use one of {string.Join(", ", Libraries)}.", nameof(library)),
    };

    private static void Verify(object population, int expected)
    {
        var actual = population switch
        {
            Counter counter => counter.SeriesCount,
            OpenTelemetryPipeline pipeline => pipeline.CollectPointCount(),
            _ => expected,
        };
        if (actual != expected)
        {
            throw new InvalidOperationException($"Expected {expected} series but {population.GetType().Name} holds {actual}.");
        }
    }

    private static void Dispose(object population) => (population as IDisposable)?.Dispose();

    private static string RuntimeDescription() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores";
}
