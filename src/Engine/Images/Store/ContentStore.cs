using System.Security.Cryptography;
using Hctr.Engine.Images.Registry;

namespace Hctr.Engine.Images.Store;

/// <summary>
/// Content-addressed storage under <c>ROOT/images</c>: <c>blobs/sha256/HEX</c> (complete, verified, read-only by
/// convention), <c>ingest/HEX.partial</c> (a download in progress; its bytes are exactly a prefix of what the
/// registry served, re-hashed on resume), <c>layers/HEX</c> (unpacked layers), <c>refs.json</c> and <c>locks/</c>.
/// A blob path exists only after its digest and size were checked, so readers never see unverified bytes.
/// </summary>
public sealed class ContentStore
{
    public ContentStore(string stateRoot)
    {
        Root = Path.Combine(stateRoot, "images");
        Refs = new RefIndex(Root);
    }

    /// <summary><c>$HCTR_ROOT</c> if set, else <c>/var/lib/hctr</c>; a <c>--root</c> option overrides both at the CLI.</summary>
    public static string DefaultStateRoot(string? environmentValue) =>
        string.IsNullOrEmpty(environmentValue) ? "/var/lib/hctr" : environmentValue;

    public string Root { get; }

    public RefIndex Refs { get; }

    public string BlobPath(string digest) => Path.Combine(Root, "blobs", "sha256", Digests.Hex(digest));

    public string PartialPath(string digest) => Path.Combine(Root, "ingest", Digests.Hex(digest) + ".partial");

    public string LayerPath(string digest) => Path.Combine(Root, "layers", Digests.Hex(digest));

    public string LockPath(string name) => Path.Combine(Root, "locks", name + ".lock");

    public bool HasBlob(string digest) => File.Exists(BlobPath(digest));

    public FileStream OpenBlob(string digest) => new(BlobPath(digest), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    /// <summary>Pulls and deletes share this lock; gc takes it exclusively, so it never deletes what a pull is about to reference.</summary>
    public Task<StoreLock> LockStoreAsync(bool exclusive, CancellationToken ct) =>
        StoreLock.AcquireAsync(LockPath("store"), shared: !exclusive, ct);

    /// <summary>The lock a running container holds shared on each of its layers; gc deletes no layer or blob whose
    /// use lock it cannot take exclusively. Held by a file descriptor, so it dies with its process (even SIGKILL).</summary>
    public string UseLockPath(string digest) => LockPath("use-" + Digests.Hex(digest));

    /// <summary>
    /// Marks <paramref name="digests"/> in use until the result is disposed. Taken under the store lock (shared), so
    /// no gc is between its marking and its deletions: a gc that starts later sees the locks and keeps these.
    /// </summary>
    public async Task<IDisposable> HoldInUseAsync(IEnumerable<string> digests, CancellationToken ct)
    {
        using var store = await LockStoreAsync(exclusive: false, ct).ConfigureAwait(false);
        var held = new List<StoreLock>();
        try
        {
            foreach (string digest in digests)
            {
                held.Add(await StoreLock.AcquireAsync(UseLockPath(digest), shared: true, ct).ConfigureAwait(false));
            }
        }
        catch
        {
            held.ForEach(l => l.Dispose());
            throw;
        }

        return new Held(held);
    }

    private sealed class Held(List<StoreLock> locks) : IDisposable
    {
        public void Dispose() => locks.ForEach(l => l.Dispose());
    }

    /// <summary>Stores a small blob we already hold in memory (manifests, configs), checking its digest.</summary>
    public async Task PutBlobAsync(string digest, byte[] bytes, CancellationToken ct)
    {
        if (Digests.Of(bytes) != digest) throw new RegistryException(RegistryFailureReason.DigestMismatch, $"blob content does not hash to {digest}");
        if (HasBlob(digest)) return;
        using var held = await StoreLock.AcquireAsync(LockPath(Digests.Hex(digest)), shared: false, ct).ConfigureAwait(false);
        if (!HasBlob(digest)) DurableFile.Replace(BlobPath(digest), bytes);
    }

    /// <summary>
    /// Downloads a blob into the store unless it is there. Resumes from a <c>.partial</c> (re-hashing its prefix and
    /// asking for the rest with Range); refuses more bytes than <paramref name="descriptor"/> declares; a digest or size
    /// mismatch deletes the partial and throws, so wrong bytes are never used. One downloader per blob at a time.
    /// </summary>
    public async Task IngestAsync(Descriptor descriptor, Func<long, CancellationToken, Task<BlobResponse>> open,
        IProgress<long>? progress, CancellationToken ct)
    {
        if (HasBlob(descriptor.Digest)) return;
        using var held = await StoreLock.AcquireAsync(LockPath(Digests.Hex(descriptor.Digest)), shared: false, ct).ConfigureAwait(false);
        if (HasBlob(descriptor.Digest)) return;
        string partial = PartialPath(descriptor.Digest);
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            long have = await RehashPrefixAsync(file, hash, descriptor.Size, ct).ConfigureAwait(false);
            progress?.Report(have);
            if (have < descriptor.Size)
            {
                await using var response = await open(have, ct).ConfigureAwait(false);
                if (response.Offset != have)
                {
                    have = 0;
                    file.SetLength(0);
                    hash.GetHashAndReset();
                }
                file.Seek(have, SeekOrigin.Begin);
                have = await CopyCappedAsync(response.Body, file, hash, have, descriptor, progress, ct).ConfigureAwait(false);
                if (have < descriptor.Size)
                    throw new RegistryException(RegistryFailureReason.Network, $"blob {descriptor.Digest}: connection ended at {have} of {descriptor.Size} bytes (kept for resume)");
            }
            await file.FlushAsync(ct).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }
        string actual = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
        if (actual != descriptor.Digest)
        {
            File.Delete(partial);
            throw new RegistryException(RegistryFailureReason.DigestMismatch, $"blob {descriptor.Digest}: content hashes to {actual}; discarded");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(BlobPath(descriptor.Digest))!);
        DurableFile.Commit(partial, BlobPath(descriptor.Digest));
    }

    private static async Task<long> RehashPrefixAsync(FileStream file, IncrementalHash hash, long size, CancellationToken ct)
    {
        if (file.Length > size) file.SetLength(0);
        byte[] buffer = new byte[1 << 16];
        long have = 0;
        int n;
        while ((n = await file.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            have += n;
        }
        return have;
    }

    private async Task<long> CopyCappedAsync(Stream body, FileStream file, IncrementalHash hash, long have, Descriptor descriptor,
        IProgress<long>? progress, CancellationToken ct)
    {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (have + n > descriptor.Size)
            {
                await file.DisposeAsync().ConfigureAwait(false);
                File.Delete(PartialPath(descriptor.Digest));
                throw new RegistryException(RegistryFailureReason.SizeMismatch,
                    $"blob {descriptor.Digest}: registry sent more than the declared {descriptor.Size} bytes; discarded");
            }
            await file.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
            hash.AppendData(buffer, 0, n);
            have += n;
            progress?.Report(have);
        }
        return have;
    }
}
