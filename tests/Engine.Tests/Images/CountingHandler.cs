using System.Collections.Concurrent;

namespace Hctr.Engine.Tests.Images;

/// <summary>Records every request the client sends (method, path, Range), then forwards it.</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<string> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        Requests.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath} {request.Headers.Range}");
        return base.SendAsync(request, ct);
    }
}
