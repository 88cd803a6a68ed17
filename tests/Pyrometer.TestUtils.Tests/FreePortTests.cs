using System.Net;
using System.Net.Sockets;

namespace Pyrometer.TestUtils.Tests;

public sealed class FreePortTests
{
    [Fact]
    public void Next_Called_PortCanBeBoundOnLoopback()
    {
        var port = FreePort.Next();

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
        Assert.InRange(port, 1, 65535);
    }
}
