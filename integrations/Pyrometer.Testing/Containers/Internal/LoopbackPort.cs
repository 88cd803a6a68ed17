using System.Net;
using System.Net.Sockets;

namespace Pyrometer.Testing.Containers.Internal;

/// <summary>Picks the port a fixture's server listens on.</summary>
internal static class LoopbackPort
{
    /// <summary>
    /// A port of 127.0.0.1 the OS handed to a listener a moment ago and that is free again. Another process can take
    /// it before the server binds it; <see cref="LoopbackContainer.StartAsync"/> then picks another.
    /// </summary>
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
