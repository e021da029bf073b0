using System.Net;
using System.Net.Sockets;

namespace Hctr.Trust.Tests.Simulator;

/// <summary>A tiny static file server on 127.0.0.1 for end-to-end tests.</summary>
internal sealed class StaticHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    public StaticHttpServer(string root)
    {
        _root = Path.GetFullPath(root);
        int port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }
    public List<string> Requests { get; } = [];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            Handle(context);
        }
    }

    private void Handle(HttpListenerContext context)
    {
        string relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        lock (Requests) Requests.Add(relative);
        string path = Path.GetFullPath(Path.Combine(_root, relative));
        using var response = context.Response;
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            response.StatusCode = 404;
            return;
        }
        byte[] data = File.ReadAllBytes(path);
        response.ContentLength64 = data.Length;
        response.OutputStream.Write(data);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener loop ends with an exception when stopped; nothing to report.
        }
    }
}
