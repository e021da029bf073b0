namespace Hctr.Engine.Images.Unpack;

/// <summary>
/// Wraps the decompressed stream of a layer and refuses it as soon as it grows past the byte cap or its
/// ratio to the compressed bytes read (counted by <see cref="CountingStream"/>) passes the limit.
/// </summary>
internal sealed class BombGuardStream(Stream inner, CountingStream compressed, UnpackOptions options) : Stream
{
    public long Produced { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Check(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Check(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
        Check(await inner.ReadAsync(buffer, ct).ConfigureAwait(false));

    private int Check(int n)
    {
        Produced += n;
        if (Produced > options.MaxUncompressedBytes)
            throw new UnpackException(UnpackFailureReason.TooLarge, $"layer expands past the {options.MaxUncompressedBytes}-byte limit");
        if (Produced > options.RatioGraceBytes && Produced > options.MaxCompressionRatio * Math.Max(1, compressed.Count))
        {
            throw new UnpackException(UnpackFailureReason.CompressionRatio,
                $"decompression bomb: {Produced} bytes from {compressed.Count} compressed (ratio over {options.MaxCompressionRatio})");
        }
        return n;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Produced; set => throw new NotSupportedException(); }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
