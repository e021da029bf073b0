using System.Text.Json.Nodes;

namespace Hctr.Engine.Images.Registry;

/// <summary>An OCI content descriptor: what, which digest, how many bytes (and, in an index, for which platform).</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size, Platform? Platform = null)
{
    internal static Descriptor Parse(JsonNode? node, string where)
    {
        if (node is not JsonObject o) throw Bad($"{where}: expected a descriptor object");
        string mediaType = o["mediaType"]?.GetValue<string>() ?? "";
        string digest = o["digest"]?.GetValue<string>() ?? throw Bad($"{where}: descriptor without digest");
        long size = o["size"]?.GetValue<long>() ?? throw Bad($"{where}: descriptor without size");
        if (!Digests.IsValid(digest)) throw Bad($"{where}: unsupported digest '{digest}' (only sha256 is accepted)");
        if (size < 0) throw Bad($"{where}: negative size");
        Platform? platform = o["platform"] is JsonObject p
            ? new Platform(p["os"]?.GetValue<string>() ?? "", p["architecture"]?.GetValue<string>() ?? "", p["variant"]?.GetValue<string>())
            : null;
        return new Descriptor(mediaType, digest, size, platform);
    }

    public JsonObject ToJsonForTests() => ToJson();

    internal JsonObject ToJson()
    {
        var o = new JsonObject { ["mediaType"] = MediaType, ["digest"] = Digest, ["size"] = Size };
        if (Platform is { } p)
        {
            var po = new JsonObject { ["architecture"] = p.Architecture, ["os"] = p.Os };
            if (p.Variant is not null) po["variant"] = p.Variant;
            o["platform"] = po;
        }
        return o;
    }

    private static RegistryException Bad(string message) => new(RegistryFailureReason.Protocol, message);
}
