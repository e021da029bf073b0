using System.Text.Json.Nodes;
using Hctr.Trust.Crypto;
using Hctr.Trust.IO;
using Hctr.Trust.Json;
using Hctr.Trust.Metadata;

namespace Hctr.Trust.Repository;

public sealed partial class RepositoryDirectory
{
    private string PendingRootPath => Path.Combine(_dir, "pending-root.json");

    /// <summary>Like <see cref="RotateRoot"/>, but when <paramref name="signers"/> do not yet meet both thresholds
    /// the new root is kept pending (outside <c>staged/</c>) for more signers (<see cref="SignPendingRoot"/>).</summary>
    public RootRotation StageRootRotation(string role, IReadOnlyList<PublicKey> newKeys, int threshold, IEnumerable<SigningKey> signers)
    {
        if (File.Exists(PendingRootPath))
            throw new TrustVerificationException(TrustFailureReason.LocalState, "a root rotation is already pending; sign it or delete pending-root.json");
        var signed = NextRootDocument(role, newKeys, threshold);
        return Settle(MetadataSigner.Sign(signed, signers));
    }

    /// <summary>Adds <paramref name="key"/>'s signature to the pending root; promotes it once both thresholds are met.</summary>
    public RootRotation SignPendingRoot(SigningKey key)
    {
        if (!File.Exists(PendingRootPath))
            throw new TrustVerificationException(TrustFailureReason.LocalState, "no root rotation is pending");
        return Settle(MetadataSigner.AddSignatures(File.ReadAllBytes(PendingRootPath), [key]));
    }

    private RootRotation Settle(byte[] candidate)
    {
        var current = Root;
        var next = RootMetadata.Parse(candidate);
        try
        {
            ThresholdVerifier.Verify(next.Envelope, current.Keys, current.Role(RoleNames.Root), "root (current keys)");
            ThresholdVerifier.Verify(next.Envelope, next.Keys, next.Role(RoleNames.Root), "root (new keys)");
        }
        catch (TrustVerificationException e) when (e.Reason == TrustFailureReason.ThresholdNotMet)
        {
            AtomicFile.Write(PendingRootPath, candidate);
            return new RootRotation(next.Version, false, e.Message);
        }
        WriteRoot(candidate);
        if (File.Exists(PendingRootPath)) File.Delete(PendingRootPath);
        return new RootRotation(next.Version, true, null);
    }

    private JsonObject NextRootDocument(string role, IReadOnlyList<PublicKey> newKeys, int threshold)
    {
        if (!RoleNames.IsTopLevel(role)) throw new ArgumentException($"'{role}' is not a top-level role", nameof(role));
        if (threshold < 1 || threshold > newKeys.Count)
            throw new TrustVerificationException(TrustFailureReason.Malformed, $"threshold {threshold} needs 1..{newKeys.Count} keys", role);
        var old = Root;
        var signed = (JsonObject)old.Envelope.Signed.DeepClone();
        signed["version"] = old.Version + 1;
        signed["expires"] = JsonRead.FormatTimestamp(Now + Expiry.Root);
        var keysObj = JsonRead.Object(signed, "keys", RoleNames.Root);
        foreach (var key in newKeys) keysObj[key.ComputeKeyId()] = key.ToJson();
        var rolesObj = JsonRead.Object(signed, "roles", RoleNames.Root);
        rolesObj[role] = new RoleKeys(newKeys.Select(k => k.ComputeKeyId()).Distinct().ToList(), threshold).ToJson();
        var used = rolesObj.SelectMany(r => JsonRead.StringList((JsonObject)r.Value!, "keyids", RoleNames.Root, true)).ToHashSet();
        foreach (string unused in keysObj.Select(k => k.Key).Where(k => !used.Contains(k)).ToList()) keysObj.Remove(unused);
        return signed;
    }
}
