using Hctr.Trust.Metadata;

namespace Hctr.Trust.Client;

/// <summary>
/// The TUF client workflow as a state machine over bytes: no I/O, time from a <see cref="TimeProvider"/>.
/// Load order is enforced: root (and rotations) → timestamp → snapshot → targets → delegated targets.
/// Every refusal is a <see cref="TrustVerificationException"/>; on refusal the trusted state is unchanged
/// except where the specification keeps a newer-but-expired file for rollback protection.
/// </summary>
public sealed class TrustedMetadataSet
{
    private readonly DateTimeOffset _referenceTime;
    private readonly Dictionary<string, TargetsMetadata> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _signers = new(StringComparer.Ordinal);

    /// <summary>Trusts <paramref name="rootBytes"/> (trust on first use of a root shipped out of band).
    /// The root must be signed by a threshold of its own root keys; its expiry is checked later.</summary>
    public TrustedMetadataSet(ReadOnlySpan<byte> rootBytes, TimeProvider time)
    {
        _referenceTime = time.GetUtcNow();
        var root = RootMetadata.Parse(rootBytes);
        ThresholdVerifier.Verify(root.Envelope, root.Keys, root.Role(RoleNames.Root), RoleNames.Root);
        Root = root;
    }

    public RootMetadata Root { get; private set; }
    public TimestampMetadata? Timestamp { get; private set; }
    public SnapshotMetadata? Snapshot { get; private set; }
    public TargetsMetadata? TopLevelTargets => _targets.GetValueOrDefault(RoleNames.Targets);
    public DateTimeOffset ReferenceTime => _referenceTime;

    public TargetsMetadata? GetTargets(string roleName) => _targets.GetValueOrDefault(roleName);

    /// <summary>The key ids whose valid signatures were counted for a loaded targets role.</summary>
    public IReadOnlyList<string> SignersOf(string roleName) => _signers.GetValueOrDefault(roleName) ?? [];

    /// <summary>Spec 5.3: the next root (N+1) must be signed by a threshold of the trusted root's root keys
    /// and by a threshold of its own root keys.</summary>
    public RootMetadata UpdateRoot(ReadOnlySpan<byte> bytes)
    {
        if (Timestamp is not null)
            throw new TrustVerificationException(TrustFailureReason.LoadOrder, "cannot update root after timestamp", RoleNames.Root);
        var next = RootMetadata.Parse(bytes);
        ThresholdVerifier.Verify(next.Envelope, Root.Keys, Root.Role(RoleNames.Root), RoleNames.Root);
        if (next.Version != Root.Version + 1)
        {
            throw new TrustVerificationException(
                next.Version <= Root.Version ? TrustFailureReason.Rollback : TrustFailureReason.VersionMismatch,
                $"root: expected version {Root.Version + 1}, got {next.Version}", RoleNames.Root);
        }
        ThresholdVerifier.Verify(next.Envelope, next.Keys, next.Role(RoleNames.Root), RoleNames.Root);
        Root = next;
        return next;
    }

    /// <summary>Spec 5.4. Returns false when the new timestamp has the trusted version (nothing changed;
    /// the trusted one is kept). A newer timestamp that is expired is kept as trusted (rollback
    /// protection) and then refused with <see cref="TrustFailureReason.Expired"/>.</summary>
    public bool UpdateTimestamp(ReadOnlySpan<byte> bytes)
    {
        if (Snapshot is not null)
            throw new TrustVerificationException(TrustFailureReason.LoadOrder, "cannot update timestamp after snapshot", RoleNames.Timestamp);
        // 5.3.10: the final root must not be expired (freeze attack on root).
        if (Root.Envelope.IsExpired(_referenceTime))
            throw new TrustVerificationException(TrustFailureReason.Expired, $"root version {Root.Version} expired at {Root.Envelope.Expires:O}", RoleNames.Root);
        var next = TimestampMetadata.Parse(bytes);
        ThresholdVerifier.Verify(next.Envelope, Root.Keys, Root.Role(RoleNames.Timestamp), RoleNames.Timestamp);
        if (Timestamp is { } trusted)
        {
            if (next.Version < trusted.Version)
                throw Rollback(RoleNames.Timestamp, trusted.Version, next.Version);
            if (next.Version == trusted.Version) return false;
            if (next.SnapshotMeta.Version < trusted.SnapshotMeta.Version)
                throw Rollback("snapshot (in timestamp)", trusted.SnapshotMeta.Version, next.SnapshotMeta.Version);
        }
        Timestamp = next;
        CheckFinalTimestamp();
        return true;
    }

    /// <summary>Spec 5.5. <paramref name="trustedBytes"/> is true only for the locally stored copy, whose
    /// hashes are not rechecked (its signatures and versions are).</summary>
    public SnapshotMetadata UpdateSnapshot(ReadOnlySpan<byte> bytes, bool trustedBytes = false)
    {
        if (Timestamp is null)
            throw new TrustVerificationException(TrustFailureReason.LoadOrder, "cannot load snapshot before timestamp", RoleNames.Snapshot);
        if (_targets.ContainsKey(RoleNames.Targets))
            throw new TrustVerificationException(TrustFailureReason.LoadOrder, "cannot update snapshot after targets", RoleNames.Snapshot);
        CheckFinalTimestamp();
        if (!trustedBytes) Timestamp.SnapshotMeta.VerifyBytes(bytes, RoleNames.Snapshot);
        var next = SnapshotMetadata.Parse(bytes);
        ThresholdVerifier.Verify(next.Envelope, Root.Keys, Root.Role(RoleNames.Snapshot), RoleNames.Snapshot);
        if (Snapshot is { } trusted)
        {
            // 5.5.5: no targets file may disappear or go back in version.
            foreach (var (name, oldMeta) in trusted.Meta)
            {
                if (!next.Meta.TryGetValue(name, out var newMeta))
                    throw new TrustVerificationException(TrustFailureReason.Rollback, $"snapshot: '{name}' was removed", RoleNames.Snapshot);
                if (newMeta.Version < oldMeta.Version)
                    throw Rollback(name, oldMeta.Version, newMeta.Version);
            }
        }
        Snapshot = next;
        CheckFinalSnapshot();
        return next;
    }

    /// <summary>Spec 5.6 for the top-level targets role (delegated by root).</summary>
    public TargetsMetadata UpdateTargets(ReadOnlySpan<byte> bytes) =>
        UpdateDelegatedTargets(bytes, RoleNames.Targets, RoleNames.Root);

    /// <summary>Spec 5.6.7: a delegated role, verified with its delegator's keys and threshold.</summary>
    public TargetsMetadata UpdateDelegatedTargets(ReadOnlySpan<byte> bytes, string roleName, string delegatorName)
    {
        if (Snapshot is null)
            throw new TrustVerificationException(TrustFailureReason.LoadOrder, "cannot load targets before snapshot", roleName);
        CheckFinalSnapshot();
        var (keys, role) = DelegationKeys(roleName, delegatorName);
        if (!Snapshot.Meta.TryGetValue(roleName + ".json", out var meta))
            throw new TrustVerificationException(TrustFailureReason.MissingMetadata, $"snapshot does not list '{roleName}.json'", roleName);
        meta.VerifyBytes(bytes, roleName);
        var next = TargetsMetadata.Parse(bytes, roleName);
        var signers = ThresholdVerifier.Verify(next.Envelope, keys, role, roleName);
        if (next.Version != meta.Version)
        {
            throw new TrustVerificationException(TrustFailureReason.VersionMismatch,
                $"{roleName}: version {next.Version} differs from snapshot's {meta.Version}", roleName);
        }
        if (next.Envelope.IsExpired(_referenceTime))
            throw Expired(roleName, next.Envelope);
        _targets[roleName] = next;
        _signers[roleName] = signers;
        return next;
    }

    private (IReadOnlyDictionary<string, Crypto.PublicKey> Keys, RoleKeys Role) DelegationKeys(string roleName, string delegatorName)
    {
        if (delegatorName == RoleNames.Root)
        {
            if (roleName != RoleNames.Targets) throw new ArgumentException("root delegates only to targets", nameof(roleName));
            return (Root.Keys, Root.Role(RoleNames.Targets));
        }
        if (!_targets.TryGetValue(delegatorName, out var delegator))
            throw new TrustVerificationException(TrustFailureReason.LoadOrder, $"delegator '{delegatorName}' is not loaded", roleName);
        var role = delegator.Delegations?.KeysFor(roleName)
            ?? throw new TrustVerificationException(TrustFailureReason.MissingMetadata,
                $"'{delegatorName}' does not delegate to '{roleName}'", roleName);
        return (delegator.Delegations!.Keys, role);
    }

    private void CheckFinalTimestamp()
    {
        if (Timestamp!.Envelope.IsExpired(_referenceTime)) throw Expired(RoleNames.Timestamp, Timestamp.Envelope);
    }

    private void CheckFinalSnapshot()
    {
        if (Snapshot!.Envelope.IsExpired(_referenceTime)) throw Expired(RoleNames.Snapshot, Snapshot.Envelope);
        if (Snapshot.Version != Timestamp!.SnapshotMeta.Version)
        {
            throw new TrustVerificationException(TrustFailureReason.VersionMismatch,
                $"snapshot: version {Snapshot.Version} differs from timestamp's {Timestamp.SnapshotMeta.Version}", RoleNames.Snapshot);
        }
    }

    private static TrustVerificationException Rollback(string what, long trusted, long offered) =>
        new(TrustFailureReason.Rollback, $"{what}: rollback from version {trusted} to {offered}", what);

    private static TrustVerificationException Expired(string role, Envelope envelope) =>
        new(TrustFailureReason.Expired, $"{role}: version {envelope.Version} expired at {envelope.Expires:O}", role);
}
