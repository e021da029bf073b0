using System.Text.Json.Nodes;
using Hctr.Trust.Crypto;
using Hctr.Trust.IO;
using Hctr.Trust.Json;
using Hctr.Trust.Metadata;

namespace Hctr.Trust.Repository;

public sealed partial class RepositoryDirectory
{
    /// <summary>Largest <c>bit_length</c> the repository side creates (16,384 bins, one file each).</summary>
    public const int MaxSuccinctBitLength = 14;

    /// <summary>
    /// Delegates every target of <paramref name="delegator"/> to 2^<paramref name="bitLength"/> succinct hash bins
    /// (TUF <c>succinct_roles</c>) named <c>{prefix}-{hex}</c>, all sharing <paramref name="keys"/> and
    /// <paramref name="threshold"/>. Every bin is created now, empty and signed by <paramref name="binSigners"/>
    /// (which must meet the threshold), so the repository can be published at once; the delegator is re-signed
    /// with <paramref name="delegatorKey"/>. Bins are written before the delegator: a crash leaves the delegator
    /// as it was, and running the delegation again replaces the bins it left (they can only be empty).
    /// Returns the bin names.
    /// </summary>
    public IReadOnlyList<string> DelegateSuccinct(string delegator, int bitLength, string namePrefix, IReadOnlyList<PublicKey> keys,
        int threshold, IReadOnlyList<SigningKey> binSigners, SigningKey delegatorKey)
    {
        if (bitLength is < 1 or > MaxSuccinctBitLength)
            throw Malformed($"bit length must be 1..{MaxSuccinctBitLength}, not {bitLength}", namePrefix);
        if (namePrefix.Length == 0 || RoleNames.IsTopLevel(namePrefix) || !namePrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw Malformed($"'{namePrefix}' cannot prefix role names (letters, digits, '-', '_', '.')", namePrefix);
        var keyIds = keys.Select(k => k.ComputeKeyId()).Distinct().ToList();
        if (threshold < 1 || threshold > keyIds.Count)
            throw Malformed($"threshold {threshold} needs 1..{keyIds.Count} keys", namePrefix);
        var signers = binSigners.DistinctBy(s => s.KeyId).ToList();
        if (signers.FirstOrDefault(s => !keyIds.Contains(s.KeyId)) is { } stranger)
            throw new TrustVerificationException(TrustFailureReason.ThresholdNotMet, $"key {stranger.KeyId} is not one of the bins' keys", namePrefix);
        if (signers.Count < threshold)
            throw new TrustVerificationException(TrustFailureReason.ThresholdNotMet,
                $"the {1 << bitLength} empty bins are signed now: give private keys meeting the threshold ({signers.Count} of {threshold})", namePrefix);

        string path = RepositoryLayout.Role(_dir, delegator);
        var envelope = Envelope.Parse(ReadStaged(path), RoleNames.Targets);
        if (TargetsMetadata.Parse(ReadStaged(path), delegator).Delegations is { } existing)
            throw Malformed($"'{delegator}' already delegates ({(existing.Succinct is null ? "to named roles" : "to hash bins")}); " +
                "hash bins take over all of a role's delegations", delegator);
        var succinct = new SuccinctRoles(new RoleKeys(keyIds, threshold), bitLength, namePrefix);
        var bins = Enumerable.Range(0, succinct.BinCount).Select(succinct.BinName).ToList();
        foreach (string bin in bins)
        {
            string binPath = RepositoryLayout.Role(_dir, bin);
            if (File.Exists(binPath) && !IsEmptyTargets(binPath, bin))
                throw new TrustVerificationException(TrustFailureReason.LocalState, $"role '{bin}' already exists and holds targets", bin);
            AtomicFile.Write(binPath, MetadataSigner.Sign(MetadataDocuments.Targets(1, Now + Expiry.Targets, [], null), signers));
        }

        var allKeys = keys.GroupBy(k => k.ComputeKeyId()).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var signed = (JsonObject)envelope.Signed.DeepClone();
        signed["delegations"] = Delegations.CreateSuccinct(allKeys, succinct).ToJson();
        signed["version"] = envelope.Version > PublishedVersion(delegator) ? envelope.Version : envelope.Version + 1;
        signed["expires"] = JsonRead.FormatTimestamp(Now + Expiry.Targets);
        AtomicFile.Write(path, MetadataSigner.Sign(signed, [delegatorKey]));
        return bins;
    }

    /// <summary>
    /// The role a target signed with <paramref name="keyId"/> belongs in: <paramref name="role"/> itself when the key
    /// signs it, else, when <paramref name="role"/> delegates to succinct hash bins the key signs, the target's bin.
    /// </summary>
    public string RoleForSigning(string targetName, string role, string keyId)
    {
        var (_, own) = KeysFor(role);
        if (own.KeyIds.Contains(keyId)) return role;
        var succinct = TargetsMetadata.Parse(ReadStaged(RepositoryLayout.Role(_dir, role)), role).Delegations?.Succinct;
        return succinct is not null && succinct.Keys.KeyIds.Contains(keyId) ? succinct.RoleForTarget(targetName) : role;
    }

    /// <summary>Refuses a target placed in a hash bin other than the one clients will look in.</summary>
    private void CheckBin(string role, string targetName)
    {
        foreach (var (delegatorName, bytes) in StagedTargetsRoles())
        {
            var succinct = TargetsMetadata.Parse(bytes, delegatorName).Delegations?.Succinct;
            if (succinct is not null && succinct.IsDelegatedRole(role) && succinct.RoleForTarget(targetName) != role)
            {
                throw new TrustVerificationException(TrustFailureReason.TargetNotFound,
                    $"'{targetName}' belongs in hash bin '{succinct.RoleForTarget(targetName)}', not '{role}'", role);
            }
        }
    }

    private static bool IsEmptyTargets(string path, string role)
    {
        try
        {
            var t = TargetsMetadata.Parse(File.ReadAllBytes(path), role);
            return t.Targets.Count == 0 && t.Delegations is null;
        }
        catch (TrustVerificationException)
        {
            return false;
        }
    }

    private static TrustVerificationException Malformed(string message, string what) => new(TrustFailureReason.Malformed, message, what);
}
