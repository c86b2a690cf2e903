using System.Net;
using System.Net.Sockets;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>Finds a loopback port nobody listens on right now.</summary>
internal static class FreeTcpPort
{
    /// <summary>
    /// Another process may take the port before the server binds it; callers retry with a new
    /// port when the server reports the address in use.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
