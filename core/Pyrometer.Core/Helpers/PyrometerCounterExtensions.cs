using System.Runtime.CompilerServices;

namespace Pyrometer;

// The overloads differ by delegate type, so the optional filter never makes a call ambiguous.
#pragma warning disable RS0026

/// <summary>
/// Counts exceptions thrown through code into a <see cref="Counter"/>; the exception always propagates. A filter
/// (for example <c>ex =&gt; ex is IOException</c>) limits which exceptions count; by default all do. To count into
/// a labelled series, as aioprometheus' <c>@count_exceptions(REQUESTS, {'route': '/'})</c> does, call these on
/// <c>counter.WithLabels(new Labels { ["route"] = "/" })</c>. Also holds <see cref="Inc(Counter, Exemplar)"/>.
/// </summary>
public static class PyrometerCounterExtensions
{
    /// <summary>Adds 1 to the series without labels and keeps <paramref name="exemplar"/> as its latest exemplar.</summary>
    /// <remarks>
    /// An extension method rather than a method of <see cref="Counter"/> so that <c>counter.Inc(new() { ["kind"] = "x" })</c>
    /// always means <see cref="Counter.Inc(Labels)"/>: C# looks at extension methods only when no method of the type
    /// applies, in every language version.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The counter declares label names.</exception>
    public static void Inc(this Counter counter, Exemplar exemplar) => Guard.NotNull(counter).UnlabelledSeries.Inc(exemplar);

    /// <summary>Runs <paramref name="action"/>, counting an exception it throws.</summary>
    public static void CountExceptions(this ICounter counter, Action action, Func<Exception, bool>? filter = null)
    {
        Guard.NotNull(counter);
        Guard.NotNull(action);
        try
        {
            action();
        }
        catch (Exception ex) when (Count(counter, ex, filter))
        {
            throw;
        }
    }

    /// <summary>Runs <paramref name="func"/>, counting an exception it throws, and returns its result.</summary>
    public static T CountExceptions<T>(this ICounter counter, Func<T> func, Func<Exception, bool>? filter = null)
    {
        Guard.NotNull(counter);
        Guard.NotNull(func);
        try
        {
            return func();
        }
        catch (Exception ex) when (Count(counter, ex, filter))
        {
            throw;
        }
    }

    /// <summary>Awaits <paramref name="func"/>, counting an exception it throws.</summary>
    [OverloadResolutionPriority(1)]
    public static async Task CountExceptionsAsync(this ICounter counter, Func<Task> func, Func<Exception, bool>? filter = null)
    {
        Guard.NotNull(counter);
        Guard.NotNull(func);
        try
        {
            await func().ConfigureAwait(false);
        }
        catch (Exception ex) when (Count(counter, ex, filter))
        {
            throw;
        }
    }

    /// <summary>Awaits <paramref name="func"/>, counting an exception it throws, and returns its result.</summary>
    [OverloadResolutionPriority(1)]
    public static async Task<T> CountExceptionsAsync<T>(this ICounter counter, Func<Task<T>> func, Func<Exception, bool>? filter = null)
    {
        Guard.NotNull(counter);
        Guard.NotNull(func);
        try
        {
            return await func().ConfigureAwait(false);
        }
        catch (Exception ex) when (Count(counter, ex, filter))
        {
            throw;
        }
    }

    /// <summary>Awaits <paramref name="func"/>, counting an exception it throws.</summary>
    public static async ValueTask CountExceptionsAsync(this ICounter counter, Func<ValueTask> func, Func<Exception, bool>? filter = null)
    {
        Guard.NotNull(counter);
        Guard.NotNull(func);
        try
        {
            await func().ConfigureAwait(false);
        }
        catch (Exception ex) when (Count(counter, ex, filter))
        {
            throw;
        }
    }

    /// <summary>Awaits <paramref name="func"/>, counting an exception it throws, and returns its result.</summary>
    public static async ValueTask<T> CountExceptionsAsync<T>(this ICounter counter, Func<ValueTask<T>> func, Func<Exception, bool>? filter = null)
    {
        Guard.NotNull(counter);
        Guard.NotNull(func);
        try
        {
            return await func().ConfigureAwait(false);
        }
        catch (Exception ex) when (Count(counter, ex, filter))
        {
            throw;
        }
    }

    // Runs inside the exception filter, so the stack is not unwound before counting; always false: never catches.
    private static bool Count(ICounter counter, Exception exception, Func<Exception, bool>? filter)
    {
        if (filter is null || filter(exception))
        {
            counter.Inc();
        }

        return false;
    }
}
