using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace iAyos.Messaging.Integration.Tests.Faults;

/// <summary>
/// A TCP proxy on a local port in front of a real server, which a test can <see cref="Cut"/> as if the server
/// died (every open connection reset, new ones refused) and <see cref="Restore"/>.
/// </summary>
public sealed class CuttableProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly object _gate = new();
    private TcpListener? _listener;

    private CuttableProxy(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Connections accepted since the proxy started: shows that a host really goes through it.</summary>
    public int Accepted => _accepted;
    private int _accepted;

    /// <summary>A proxy in front of the test PostgreSQL, and the connection string that goes through it.</summary>
    public static (CuttableProxy Proxy, string ConnectionString) ForPostgres()
    {
        var direct = new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresConnectionString);
        var target = new IPEndPoint(Dns.GetHostAddresses(direct.Host!).First(a => a.AddressFamily == AddressFamily.InterNetwork), direct.Port);
        var proxy = Start(target);
        var through = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port };
        return (proxy, through.ConnectionString);
    }

    /// <summary>A proxy in front of the test RabbitMQ; hosts reach it on <see cref="Port"/> of the same host.</summary>
    public static CuttableProxy ForRabbitMq()
    {
        var broker = TestInfrastructure.RabbitMq;
        return Start(new IPEndPoint(Dns.GetHostAddresses(broker.Host).First(a => a.AddressFamily == AddressFamily.InterNetwork), broker.Port));
    }

    public static CuttableProxy Start(IPEndPoint target)
    {
        // Bind once to learn a free port; the listener is re-created on it after each cut.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var proxy = new CuttableProxy(target, port);
        proxy.Restore();
        return proxy;
    }

    public bool IsCut
    {
        get { lock (_gate) return _listener is null; }
    }

    /// <summary>Stops listening (new connections are refused) and resets every open connection.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
        }
        foreach (var socket in _open.Keys)
            Reset(socket);
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            if (_listener is not null) return;
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _ = AcceptAsync(listener);
        }
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_disposed.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_disposed.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return; // cut or disposed
            }
            Interlocked.Increment(ref _accepted);
            _ = LinkAsync(client);
        }
    }

    private async Task LinkAsync(Socket client)
    {
        var server = new Socket(_target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _open.TryAdd(client, 0);
        _open.TryAdd(server, 0);
        try
        {
            await server.ConnectAsync(_target, _disposed.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _disposed.Token);
                if (read == 0) return;
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _disposed.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    /// <summary>Closes with an RST, as a killed server's kernel would, rather than a polite FIN.</summary>
    private void Reset(Socket socket)
    {
        if (!_open.TryRemove(socket, out _)) return;
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        _disposed.Cancel();
        Cut();
        return ValueTask.CompletedTask;
    }
}
