using System.Net;
using System.Net.Sockets;

namespace iAyos.Messaging.Cli.Tests.GatewayApi;

/// <summary>A localhost address nothing listens on: a port the OS just handed out and took back.</summary>
public static class UnusedPort
{
    public static string Address()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
