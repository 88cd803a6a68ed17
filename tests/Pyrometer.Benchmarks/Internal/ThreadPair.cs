namespace Pyrometer.Benchmarks.Internal;

/// <summary>
/// Two threads started once that run the same work together each time <see cref="Run"/> is called, so a
/// benchmark measures the work and not thread start-up.
/// </summary>
internal sealed class ThreadPair : IDisposable
{
    // The caller and both workers meet at the barrier once to start a round and once to end it.
    private readonly Barrier _barrier = new(3);
    private readonly Thread[] _threads;
    private readonly Action _work;
    private volatile bool _stopping;

    public ThreadPair(Action work)
    {
        _work = work;
        _threads = [new Thread(Loop) { IsBackground = true }, new Thread(Loop) { IsBackground = true }];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Runs the work once on each thread, at the same time, and returns when both are done.</summary>
    public void Run()
    {
        _barrier.SignalAndWait();
        _barrier.SignalAndWait();
    }

    public void Dispose()
    {
        _stopping = true;
        _barrier.SignalAndWait();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _barrier.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            _barrier.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            _work();
            _barrier.SignalAndWait();
        }
    }
}
