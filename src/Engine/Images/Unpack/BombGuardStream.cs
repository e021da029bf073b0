namespace Hctr.Engine.Images.Unpack;

/// <summary>
/// Wraps the decompressed stream of a layer and refuses it as soon as it grows past the byte cap or its
/// ratio to the compressed bytes read (counted by <see cref="CountingStream"/>) passes the limit.
/// </summary>
internal sealed class BombGuardStream(Stream inner, CountingStream compressed, UnpackOptions options) : Stream
{
    private readonly System.Security.Cryptography.IncrementalHash _hash =
        System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);

    public long Produced { get; private set; }

    /// <summary>sha256 of every uncompressed byte read so far: the layer's diff id once the stream is drained.</summary>
    public string DiffId => "sha256:" + Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = Check(inner.Read(buffer));
        _hash.AppendData(buffer[..n]);
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => ValueTask.FromResult(Read(buffer.Span));

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
        if (disposing)
        {
            inner.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
