using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>A target entry: its path, exact length, hashes and optional custom data.</summary>
public sealed record TargetFile(string Path, long Length, IReadOnlyDictionary<string, string> Hashes, JsonObject? Custom)
{
    internal static TargetFile FromJson(string path, JsonObject obj, string what)
    {
        long length = JsonRead.Integer(obj, "length", what);
        if (length < 0) throw JsonRead.Malformed(what, "target length must be >= 0");
        var hashes = Metadata.Hashes.FromJson(JsonRead.Object(obj, "hashes", what), what);
        return new TargetFile(path, length, hashes, JsonRead.OptionalObject(obj, "custom", what));
    }

    internal JsonObject ToJson()
    {
        var obj = new JsonObject { ["length"] = Length, ["hashes"] = Metadata.Hashes.ToJson(Hashes) };
        if (Custom is not null) obj["custom"] = Custom.DeepClone();
        return obj;
    }

    /// <summary>Builds the entry for <paramref name="data"/> (sha256).</summary>
    public static TargetFile ForBytes(string path, ReadOnlySpan<byte> data, JsonObject? custom = null) =>
        new(path, data.Length, new Dictionary<string, string> { ["sha256"] = Metadata.Hashes.Sha256Hex(data) }, custom);

    /// <summary>Throws <see cref="TrustFailureReason.LengthMismatch"/> or <see cref="TrustFailureReason.HashMismatch"/>.</summary>
    public void VerifyBytes(ReadOnlySpan<byte> data)
    {
        Metadata.Hashes.VerifyLength(data, Length, Path);
        Metadata.Hashes.Verify(data, Hashes, Path);
    }
}
