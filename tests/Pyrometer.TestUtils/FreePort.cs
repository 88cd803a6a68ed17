using System.Net;
using System.Net.Sockets;

namespace Pyrometer.TestUtils;

/// <summary>Finds TCP ports on the loopback interface that nothing listens on.</summary>
public static class FreePort
{
    /// <summary>
    /// Returns a port on 127.0.0.1 that was free a moment ago (the OS picked it for a listener that is closed
    /// again). Another process could take it before the caller binds it; the OS hands out ports in rotation, so
    /// that is rare.
    /// </summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
