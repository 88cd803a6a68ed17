using System.Net;
using System.Net.Sockets;
using SystemHttpListener = System.Net.HttpListener;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>Starts an <see cref="SystemHttpListener"/> on the configured port, or on a free one when the port is 0.</summary>
internal static class ListenerBinder
{
    // HttpListener cannot bind port 0, so a free port is found first; another process may take it in between.
    private const int FreePortAttempts = 5;

    public static (SystemHttpListener Listener, int Port) Start(ServerSettings settings)
    {
        if (settings.Port != 0)
        {
            return (StartOn(settings, settings.Port), settings.Port);
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = FindFreePort(settings.ProbeAddress);
            try
            {
                return (StartOn(settings, port), port);
            }
            catch (InvalidOperationException) when (attempt < FreePortAttempts)
            {
                // Lost the race for this port: try another.
            }
        }
    }

    private static SystemHttpListener StartOn(ServerSettings settings, int port)
    {
        var listener = new SystemHttpListener { IgnoreWriteExceptions = true };
        listener.Prefixes.Add($"http://{settings.PrefixHost}:{port}/");
        try
        {
            listener.Start();
            return listener;
        }
        catch (Exception ex) when (ex is HttpListenerException or SocketException)
        {
            listener.Close();
            throw new InvalidOperationException($"The metrics server could not listen on {settings.Host}:{port}: {ex.Message.TrimEnd('.', ' ')}. Is the port in use? Choose another port, or 0 for a free one.", ex);
        }
    }

    private static int FindFreePort(IPAddress address)
    {
        var probe = new TcpListener(address, 0);
        try
        {
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }
}
