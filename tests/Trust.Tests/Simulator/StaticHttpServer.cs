using System.Net;
using System.Net.Sockets;

namespace Hctr.Trust.Tests.Simulator;

/// <summary>A tiny static file server on 127.0.0.1 for end-to-end tests.</summary>
internal sealed class StaticHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly string _root;
    private readonly Task _loop;

    public StaticHttpServer(string root)
    {
        _root = Path.GetFullPath(root);
        // The probed port can be taken by another process before we bind it: retry on a fresh port.
        for (int attempt = 1; ; attempt++)
        {
            var listener = new HttpListener();
            var url = new Uri($"http://127.0.0.1:{FreePort()}/");
            listener.Prefixes.Add(url.AbsoluteUri);
            try
            {
                listener.Start();
                _listener = listener;
                BaseUrl = url;
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                try
                {
                    listener.Close();
                }
                catch (HttpListenerException)
                {
                    // Closing a listener that never started can fail the same way; nothing to release.
                }
            }
        }
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
            try
            {
                Handle(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or InvalidOperationException)
            {
                // The client hung up mid-response (e.g. it stopped reading at its size cap): serve the next request.
            }
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
