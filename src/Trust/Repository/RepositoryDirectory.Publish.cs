using Hctr.Trust.Crypto;
using Hctr.Trust.IO;
using Hctr.Trust.Metadata;

namespace Hctr.Trust.Repository;

public sealed partial class RepositoryDirectory
{
    /// <summary>Checks every staged targets role meets its threshold, signs a new snapshot and timestamp,
    /// and writes the tree to <paramref name="outputDirectory"/>: versioned files first, timestamp last.</summary>
    public void Publish(string outputDirectory, IEnumerable<SigningKey> snapshotKeys, IEnumerable<SigningKey> timestampKeys)
    {
        var root = Root;
        var roles = StagedTargetsRoles();
        var meta = new Dictionary<string, MetaFile>(StringComparer.Ordinal);
        foreach (var (role, bytes) in roles)
        {
            var targets = TargetsMetadata.Parse(bytes, role);
            var (keys, roleKeys) = KeysFor(role);
            ThresholdVerifier.Verify(targets.Envelope, keys, roleKeys, role);
            meta[$"{role}.json"] = MetadataDocuments.MetaFor(targets.Version, bytes);
        }
        long snapshotVersion = StagedVersion(RoleNames.Snapshot) + 1;
        byte[] snapshot = MetadataSigner.Sign(MetadataDocuments.Snapshot(snapshotVersion, Now + Expiry.Snapshot, meta), snapshotKeys);
        ThresholdVerifier.Verify(SnapshotMetadata.Parse(snapshot).Envelope, root.Keys, root.Role(RoleNames.Snapshot), RoleNames.Snapshot);
        byte[] timestamp = MetadataSigner.Sign(MetadataDocuments.Timestamp(StagedVersion(RoleNames.Timestamp) + 1,
            Now + Expiry.Timestamp, MetadataDocuments.MetaFor(snapshotVersion, snapshot)), timestampKeys);
        ThresholdVerifier.Verify(TimestampMetadata.Parse(timestamp).Envelope, root.Keys, root.Role(RoleNames.Timestamp), RoleNames.Timestamp);

        Directory.CreateDirectory(outputDirectory);
        for (long v = 1; v <= root.Version; v++)
        {
            string versioned = RepositoryLayout.VersionedRoot(_dir, v);
            if (File.Exists(versioned)) AtomicFile.Write(Path.Combine(outputDirectory, $"{v}.root.json"), File.ReadAllBytes(versioned));
        }
        AtomicFile.Write(Path.Combine(outputDirectory, "root.json"), ReadStaged(RepositoryLayout.Role(_dir, RoleNames.Root)));
        foreach (var (role, bytes) in roles)
        {
            string encoded = Uri.EscapeDataString(role);
            AtomicFile.Write(Path.Combine(outputDirectory, $"{meta[$"{role}.json"].Version}.{encoded}.json"), bytes);
            AtomicFile.Write(Path.Combine(outputDirectory, $"{encoded}.json"), bytes);
        }
        AtomicFile.Write(Path.Combine(outputDirectory, $"{snapshotVersion}.snapshot.json"), snapshot);
        AtomicFile.Write(Path.Combine(outputDirectory, "snapshot.json"), snapshot);
        AtomicFile.Write(Path.Combine(outputDirectory, "timestamp.json"), timestamp);
        AtomicFile.Write(RepositoryLayout.Role(_dir, RoleNames.Snapshot), snapshot);
        AtomicFile.Write(RepositoryLayout.Role(_dir, RoleNames.Timestamp), timestamp);
    }

    private List<(string Role, byte[] Bytes)> StagedTargetsRoles()
    {
        var result = new List<(string, byte[])>();
        foreach (string file in Directory.EnumerateFiles(RepositoryLayout.Staged(_dir), "*.json").Order(StringComparer.Ordinal))
        {
            string role = RepositoryLayout.RoleNameOf(file);
            if (role is RoleNames.Root or RoleNames.Snapshot or RoleNames.Timestamp || role.EndsWith(".root", StringComparison.Ordinal)) continue;
            result.Add((role, File.ReadAllBytes(file)));
        }
        return result;
    }

    /// <summary>Keys and threshold for a targets role: from root for <c>targets</c>, else from the staged delegator.</summary>
    private (IReadOnlyDictionary<string, PublicKey> Keys, RoleKeys Role) KeysFor(string role)
    {
        var root = Root;
        if (role == RoleNames.Targets) return (root.Keys, root.Role(RoleNames.Targets));
        foreach (var (delegatorName, bytes) in StagedTargetsRoles())
        {
            var delegations = TargetsMetadata.Parse(bytes, delegatorName).Delegations;
            if (delegations?.KeysFor(role) is { } keys) return (delegations.Keys, keys);
        }
        throw new TrustVerificationException(TrustFailureReason.MissingMetadata, $"no staged role delegates to '{role}'", role);
    }

    private long PublishedVersion(string role)
    {
        string path = RepositoryLayout.Role(_dir, RoleNames.Snapshot);
        if (!File.Exists(path)) return 0;
        return SnapshotMetadata.Parse(File.ReadAllBytes(path)).Meta.TryGetValue($"{role}.json", out var meta) ? meta.Version : 0;
    }

    private long StagedVersion(string role)
    {
        string path = RepositoryLayout.Role(_dir, role);
        return File.Exists(path) ? Envelope.Parse(File.ReadAllBytes(path), role).Version : 0;
    }
}
