using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Trust.Images;

namespace Hctr.Engine.Images;

/// <summary>
/// <c>hctr save</c> / <c>hctr load</c>: OCI image layouts, as a directory or a tar. Loading never extracts the tar:
/// each <c>blobs/sha256/HEX</c> entry is streamed into the store and kept only if it hashes to its name; other
/// entries are ignored. Loaded images are not trust-verified here (<c>run</c> must check the digest).
/// </summary>
public static class OciLayout
{
    private const long MaxIndexBytes = 4 * 1024 * 1024;

    public static async Task SaveAsync(ContentStore store, ImageReference image, string tarPath, CancellationToken ct = default)
    {
        if (!store.Refs.TryGet(image.TargetName, out var record) || record is null)
            throw new RegistryException(RegistryFailureReason.NotFound, $"{image.TargetName} is not in the local store");
        var blobs = new List<string> { record.Digest };
        byte[] top = await File.ReadAllBytesAsync(store.BlobPath(record.Digest), ct).ConfigureAwait(false);
        var manifests = MediaTypes.IsIndex(ManifestJson.Object(top)["mediaType"]?.GetValue<string>() ?? "")
            ? ImageIndex.Parse(top).Manifests.Select(m => m.Digest).Where(store.HasBlob).ToList()
            : [record.Digest];
        foreach (string m in manifests)
        {
            var manifest = ImageManifest.Parse(await File.ReadAllBytesAsync(store.BlobPath(m), ct).ConfigureAwait(false));
            blobs.Add(m);
            blobs.Add(manifest.Config.Digest);
            blobs.AddRange(manifest.Layers.Select(l => l.Digest));
        }
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = ManifestJson.Object(top)["mediaType"]?.GetValue<string>() ?? MediaTypes.OciManifest,
                ["digest"] = record.Digest,
                ["size"] = top.Length,
                ["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = image.TargetName },
            }),
        };
        string temp = tarPath + ".tmp";
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        await using (var tar = new TarWriter(file, TarEntryFormat.Pax))
        {
            await WriteBytesAsync(tar, "oci-layout", """{"imageLayoutVersion":"1.0.0"}"""u8.ToArray(), ct).ConfigureAwait(false);
            await WriteBytesAsync(tar, "index.json", System.Text.Encoding.UTF8.GetBytes(index.ToJsonString()), ct).ConfigureAwait(false);
            foreach (string digest in blobs.Distinct())
            {
                await tar.WriteEntryAsync(store.BlobPath(digest), $"blobs/sha256/{Digests.Hex(digest)}", ct).ConfigureAwait(false);
            }
        }
        File.Move(temp, tarPath, overwrite: true);
    }

    /// <summary>Loads every image index.json names with a full <c>REGISTRY/REPO:TAG</c> ref annotation.</summary>
    public static async Task<IReadOnlyList<ImageRecord>> LoadAsync(ContentStore store, string path, Platform platform, CancellationToken ct = default)
    {
        byte[]? indexBytes = null;
        if (Directory.Exists(path))
        {
            indexBytes = await File.ReadAllBytesAsync(Path.Combine(path, "index.json"), ct).ConfigureAwait(false);
            foreach (string file in Directory.EnumerateFiles(Path.Combine(path, "blobs", "sha256")))
            {
                await using var s = File.OpenRead(file);
                await ImportAsync(store, "sha256:" + Path.GetFileName(file), s, ct).ConfigureAwait(false);
            }
        }
        else
        {
            await using var file = File.OpenRead(path);
            await using var tar = new TarReader(file);
            TarEntry? entry;
            while ((entry = await tar.GetNextEntryAsync(copyData: false, ct).ConfigureAwait(false)) is not null)
            {
                string name = entry.Name.TrimStart('.', '/');
                if (entry.DataStream is null) continue;
                if (name == "index.json" && entry.Length <= MaxIndexBytes)
                {
                    using var buffer = new MemoryStream();
                    await entry.DataStream.CopyToAsync(buffer, ct).ConfigureAwait(false);
                    indexBytes = buffer.ToArray();
                }
                else if (name.StartsWith("blobs/sha256/", StringComparison.Ordinal))
                {
                    await ImportAsync(store, "sha256:" + name["blobs/sha256/".Length..], entry.DataStream, ct).ConfigureAwait(false);
                }
            }
        }
        if (indexBytes is null) throw new RegistryException(RegistryFailureReason.NotFound, $"{path}: no index.json (not an OCI layout)");
        var loaded = new List<ImageRecord>();
        foreach (var node in ManifestJson.Object(indexBytes)["manifests"] as JsonArray ?? [])
        {
            var d = Descriptor.Parse(node, "index.json");
            string? refName = node?["annotations"]?["org.opencontainers.image.ref.name"]?.GetValue<string>();
            if (refName is null || !ImageReference.TryParse(refName, out var reference, out _) || reference is null) continue;
            string manifestDigest = d.Digest;
            if (MediaTypes.IsIndex(d.MediaType))
                manifestDigest = ImageIndex.Parse(await File.ReadAllBytesAsync(store.BlobPath(d.Digest), ct).ConfigureAwait(false)).Select(platform).Digest;
            var manifest = ImageManifest.Parse(await File.ReadAllBytesAsync(store.BlobPath(manifestDigest), ct).ConfigureAwait(false));
            foreach (var blob in manifest.Layers.Append(manifest.Config))
            {
                if (!store.HasBlob(blob.Digest)) throw new RegistryException(RegistryFailureReason.NotFound, $"{refName}: layout lacks blob {blob.Digest}");
            }
            var record = new ImageRecord(reference.TargetName, d.Digest, manifestDigest, manifest.Layers.Sum(l => l.Size) + manifest.Config.Size);
            await store.Refs.SetAsync(record, ct).ConfigureAwait(false);
            loaded.Add(record);
        }
        return loaded;
    }

    private static async Task ImportAsync(ContentStore store, string digest, Stream source, CancellationToken ct)
    {
        if (!Digests.IsValid(digest) || store.HasBlob(digest)) return;
        string temp = store.PartialPath(digest) + "." + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                await output.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
            }
            output.Flush(flushToDisk: true);
        }
        if ("sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()) != digest)
        {
            File.Delete(temp);
            throw new RegistryException(RegistryFailureReason.DigestMismatch, $"layout blob {digest} does not hash to its name");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(store.BlobPath(digest))!);
        DurableFile.Commit(temp, store.BlobPath(digest));
    }

    private static Task WriteBytesAsync(TarWriter tar, string name, byte[] bytes, CancellationToken ct) =>
        tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes), Mode = (UnixFileMode)0x1A4 }, ct);
}
