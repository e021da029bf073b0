using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>
/// The outer form every TUF metadata file shares: <c>{"signed": {...}, "signatures": [...]}</c>, with the
/// common signed fields parsed and the canonical bytes that signatures cover.
/// </summary>
public sealed class Envelope
{
    private Envelope(JsonObject signed, byte[] canonicalSigned, IReadOnlyList<Signature> signatures,
        string type, long version, DateTimeOffset expires, string specVersion)
    {
        Signed = signed;
        CanonicalSigned = canonicalSigned;
        Signatures = signatures;
        Type = type;
        Version = version;
        Expires = expires;
        SpecVersion = specVersion;
    }

    public JsonObject Signed { get; }
    /// <summary>Canonical JSON of <c>signed</c>: the bytes the signatures cover.</summary>
    public byte[] CanonicalSigned { get; }
    public IReadOnlyList<Signature> Signatures { get; }
    public string Type { get; }
    public long Version { get; }
    public DateTimeOffset Expires { get; }
    public string SpecVersion { get; }

    public bool IsExpired(DateTimeOffset now) => now >= Expires;

    /// <summary>Parses untrusted bytes. Any defect throws <see cref="TrustVerificationException"/>.</summary>
    public static Envelope Parse(ReadOnlySpan<byte> bytes, string expectedType)
    {
        string what = expectedType;
        var root = JsonRead.ParseObject(bytes, what);
        try
        {
            var signed = JsonRead.Object(root, "signed", what);
            var sigArray = JsonRead.Array(root, "signatures", what);
            var signatures = new List<Signature>(sigArray.Count);
            foreach (var item in sigArray)
            {
                if (item is not JsonObject s) throw JsonRead.Malformed(what, "signature must be an object");
                signatures.Add(new Signature(JsonRead.String(s, "keyid", what), JsonRead.String(s, "sig", what)));
            }
            string type = JsonRead.String(signed, "_type", what);
            if (type != expectedType)
                throw new TrustVerificationException(TrustFailureReason.WrongType, $"expected _type '{expectedType}', got '{type}'", what);
            string spec = JsonRead.String(signed, "spec_version", what);
            if (!IsSupportedSpec(spec))
                throw new TrustVerificationException(TrustFailureReason.UnsupportedSpecVersion, $"unsupported spec_version '{spec}'", what);
            long version = JsonRead.Integer(signed, "version", what);
            if (version < 1) throw JsonRead.Malformed(what, "version must be >= 1");
            var expires = JsonRead.Timestamp(signed, "expires", what);
            return new Envelope(signed, CanonicalJson.Serialize(signed), signatures, type, version, expires, spec);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            throw new TrustVerificationException(TrustFailureReason.Malformed, $"{what}: {e.Message}", what, e);
        }
    }

    private static bool IsSupportedSpec(string spec)
    {
        string[] parts = spec.Split('.');
        return parts.Length is 2 or 3 && parts[0] == "1" && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }
}
