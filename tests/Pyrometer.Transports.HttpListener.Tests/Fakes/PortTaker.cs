using System.Net;
using System.Net.Sockets;

namespace Pyrometer.Transports.HttpListener.Tests.Fakes;

/// <summary>Binds a loopback port the moment it is free, from a thread of its own that tries again and again, and
/// holds it until disposed.</summary>
internal sealed class PortTaker : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _taken = new();
    private volatile bool _disposed;
    private TcpListener? _listener;

    public PortTaker(int port)
    {
        _thread = new Thread(() => Take(port)) { IsBackground = true, Name = "port taker" };
        _thread.Start();
    }

    /// <summary>Whether the port was taken within <paramref name="limit"/>.</summary>
    public bool Took(TimeSpan limit) => _taken.Wait(limit);

    public void Dispose()
    {
        _disposed = true;
        _thread.Join();
        _listener?.Stop();
        _listener?.Dispose();
        _taken.Dispose();
    }

    private void Take(int port)
    {
        while (!_disposed)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                _listener = listener;
                _taken.Set();
                return;
            }
            catch (SocketException)
            {
                listener.Dispose();
            }
        }
    }
}
