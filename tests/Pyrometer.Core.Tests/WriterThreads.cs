using System.Collections.Concurrent;

namespace Pyrometer.Core.Tests;

/// <summary>Writer threads released together, so their operations really overlap; failures surface on <see cref="Join"/>.</summary>
internal sealed class WriterThreads
{
    private readonly Thread[] _threads;
    private readonly ConcurrentQueue<Exception> _failures = new();

    private WriterThreads(int count, Action<int> body)
    {
        // Not disposed: threads may still be leaving Wait when the constructor returns.
        var ready = new CountdownEvent(count);
        var go = new ManualResetEventSlim();
        _threads = new Thread[count];
        for (var t = 0; t < count; t++)
        {
            var index = t;
            _threads[t] = new Thread(() =>
            {
                ready.Signal();
                go.Wait();
                try
                {
                    body(index);
                }
                catch (Exception ex)
                {
                    _failures.Enqueue(ex);
                }
            })
            {
                IsBackground = true,
            };
            _threads[t].Start();
        }

        ready.Wait();
        go.Set();
    }

    /// <summary>Gets whether any writer is still running.</summary>
    public bool Running => _threads.Any(t => t.IsAlive);

    /// <summary>Starts <paramref name="count"/> threads running <paramref name="body"/> with their index.</summary>
    public static WriterThreads Start(int count, Action<int> body) => new(count, body);

    /// <summary>Runs <paramref name="count"/> threads to completion.</summary>
    public static void Run(int count, Action<int> body) => Start(count, body).Join();

    /// <summary>Waits for every writer, then throws their failures, if any, as one <see cref="AggregateException"/>.</summary>
    public void Join()
    {
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        if (!_failures.IsEmpty)
        {
            throw new AggregateException(_failures);
        }
    }
}
