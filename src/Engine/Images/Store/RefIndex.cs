using System.Text.Json.Nodes;

namespace Hctr.Engine.Images.Store;

/// <summary>The tag → digest index (<c>refs.json</c>), rewritten whole under a lock: temp, fsync, rename.</summary>
public sealed class RefIndex(string directory)
{
    private string FilePath => Path.Combine(directory, "refs.json");

    private string LockPath => Path.Combine(directory, "locks", "refs.lock");

    public IReadOnlyList<ImageRecord> List() => Read().Values.OrderBy(r => r.Reference, StringComparer.Ordinal).ToList();

    public bool TryGet(string reference, out ImageRecord? record) => Read().TryGetValue(reference, out record);

    public async Task SetAsync(ImageRecord record, CancellationToken ct)
    {
        using var held = await StoreLock.AcquireAsync(LockPath, shared: false, ct).ConfigureAwait(false);
        var all = Read();
        all[record.Reference] = record;
        Write(all);
    }

    public async Task<bool> RemoveAsync(string reference, CancellationToken ct)
    {
        using var held = await StoreLock.AcquireAsync(LockPath, shared: false, ct).ConfigureAwait(false);
        var all = Read();
        bool removed = all.Remove(reference);
        if (removed) Write(all);
        return removed;
    }

    private Dictionary<string, ImageRecord> Read()
    {
        var result = new Dictionary<string, ImageRecord>(StringComparer.Ordinal);
        if (!File.Exists(FilePath)) return result;
        if (JsonNode.Parse(File.ReadAllBytes(FilePath))?["refs"] is not JsonObject refs) return result;
        foreach (var (name, value) in refs)
        {
            if (value is not JsonObject o) continue;
            result[name] = new ImageRecord(name, o["digest"]!.GetValue<string>(), o["manifest"]!.GetValue<string>(), o["size"]!.GetValue<long>());
        }
        return result;
    }

    private void Write(Dictionary<string, ImageRecord> all)
    {
        var refs = new JsonObject();
        foreach (var r in all.Values.OrderBy(r => r.Reference, StringComparer.Ordinal))
        {
            refs[r.Reference] = new JsonObject { ["digest"] = r.Digest, ["manifest"] = r.ManifestDigest, ["size"] = r.Size };
        }
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["refs"] = refs }.ToJsonString());
        DurableFile.Replace(FilePath, bytes);
    }
}
