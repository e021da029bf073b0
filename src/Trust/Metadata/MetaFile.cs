using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>A <c>meta</c> entry (in timestamp or snapshot): version, and optionally length and hashes.</summary>
public sealed record MetaFile(long Version, long? Length, IReadOnlyDictionary<string, string>? Hashes)
{
    internal static MetaFile FromJson(JsonObject obj, string what)
    {
        long version = JsonRead.Integer(obj, "version", what);
        if (version < 1) throw JsonRead.Malformed(what, "meta version must be >= 1");
        long? length = JsonRead.OptionalInteger(obj, "length", what);
        if (length < 0) throw JsonRead.Malformed(what, "length must be >= 0");
        var hashesObj = JsonRead.OptionalObject(obj, "hashes", what);
        return new MetaFile(version, length, hashesObj is null ? null : Metadata.Hashes.FromJson(hashesObj, what));
    }

    internal JsonObject ToJson()
    {
        var obj = new JsonObject { ["version"] = Version };
        if (Length is long l) obj["length"] = l;
        if (Hashes is not null) obj["hashes"] = Metadata.Hashes.ToJson(Hashes);
        return obj;
    }

    /// <summary>Checks length and hashes where the trusted entry names them.</summary>
    public void VerifyBytes(ReadOnlySpan<byte> data, string what)
    {
        if (Length is long l) Metadata.Hashes.VerifyLength(data, l, what);
        if (Hashes is not null) Metadata.Hashes.Verify(data, Hashes, what);
    }
}
