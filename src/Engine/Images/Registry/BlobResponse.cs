namespace Hctr.Engine.Images.Registry;

/// <summary>An open blob body. <see cref="Offset"/> is where the body starts: the requested offset when the
/// registry honoured the Range request, otherwise 0. The caller disposes it and caps what it reads.</summary>
public sealed class BlobResponse(HttpResponseMessage response, Stream body, long offset) : IAsyncDisposable
{
    public Stream Body { get; } = body;

    public long Offset { get; } = offset;

    public async ValueTask DisposeAsync()
    {
        await Body.DisposeAsync().ConfigureAwait(false);
        response.Dispose();
    }
}
