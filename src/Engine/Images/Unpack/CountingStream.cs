namespace Hctr.Engine.Images.Unpack;

/// <summary>Counts the bytes read through it (the compressed side of a layer) and can peek at the first bytes.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    private byte[] _peeked = [];
    private int _peekedAt;

    public long Count { get; private set; }

    /// <summary>Reads up to <paramref name="count"/> bytes that later reads will return again.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        var buffer = new byte[count];
        int n = inner.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        Count += n;
        _peeked = buffer[..n];
        _peekedAt = 0;
        return _peeked;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_peekedAt < _peeked.Length)
        {
            int m = Math.Min(buffer.Length, _peeked.Length - _peekedAt);
            _peeked.AsSpan(_peekedAt, m).CopyTo(buffer);
            _peekedAt += m;
            return m;
        }
        int n = inner.Read(buffer);
        Count += n;
        return n;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => Count; set => throw new NotSupportedException(); }

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
