using System.Text.Json.Nodes;
using Hctr.Trust.Crypto;
using Hctr.Trust.IO;
using Hctr.Trust.Json;
using Hctr.Trust.Metadata;

namespace Hctr.Trust.Repository;

/// <summary>
/// The repository side on disk: <c>init</c> creates root and an empty targets role, <see cref="AddTarget"/>
/// signs image targets (several signers may meet a threshold in turn), <see cref="RotateRoot"/> changes
/// role keys, <see cref="Publish"/> signs snapshot and timestamp and writes a consistent-snapshot tree
/// any static web server can serve. Every write is atomic.
/// </summary>
public sealed partial class RepositoryDirectory
{
    private readonly string _dir;
    private readonly TimeProvider _time;

    public RepositoryDirectory(string directory, TimeProvider time, ExpiryPolicy? expiry = null)
    {
        _dir = directory;
        _time = time;
        Expiry = expiry ?? new ExpiryPolicy();
    }

    public ExpiryPolicy Expiry { get; }

    public RootMetadata Root => RootMetadata.Parse(ReadStaged(RepositoryLayout.Role(_dir, RoleNames.Root)));

    /// <summary>Creates root version 1 (signed by <paramref name="rootSigners"/>) and an empty, unsigned targets role.</summary>
    public void Init(IReadOnlyDictionary<string, IReadOnlyList<PublicKey>> roleKeys, IReadOnlyDictionary<string, int> thresholds,
        IEnumerable<SigningKey> rootSigners, bool consistentSnapshot = true)
    {
        if (File.Exists(RepositoryLayout.Role(_dir, RoleNames.Root)))
            throw new TrustVerificationException(TrustFailureReason.LocalState, $"{_dir} already holds a repository");
        Directory.CreateDirectory(RepositoryLayout.Staged(_dir));
        var keys = new Dictionary<string, PublicKey>(StringComparer.Ordinal);
        var roles = new Dictionary<string, RoleKeys>(StringComparer.Ordinal);
        foreach (string role in new[] { RoleNames.Root, RoleNames.Timestamp, RoleNames.Snapshot, RoleNames.Targets })
        {
            var list = roleKeys.GetValueOrDefault(role) ?? throw new ArgumentException($"no keys for role {role}", nameof(roleKeys));
            foreach (var key in list) keys[key.ComputeKeyId()] = key;
            roles[role] = new RoleKeys(list.Select(k => k.ComputeKeyId()).Distinct().ToList(), thresholds.GetValueOrDefault(role, 1));
        }
        var signed = MetadataDocuments.Root(1, Now + Expiry.Root, keys, roles, consistentSnapshot);
        WriteRoot(SignRootChecked(signed, rootSigners, previous: null));
        var targets = MetadataDocuments.Targets(1, Now + Expiry.Targets, [], null);
        AtomicFile.Write(RepositoryLayout.Role(_dir, RoleNames.Targets), MetadataSigner.Sign(targets, []));
    }

    /// <summary>Adds (or re-signs) the target <paramref name="name"/> for <paramref name="content"/> in <paramref name="role"/>.
    /// If the entry is unchanged the signature is added to the pending version (threshold signing in turn).</summary>
    public TargetFile AddTarget(string name, ReadOnlySpan<byte> content, SigningKey key, string role = RoleNames.Targets)
    {
        var (_, roleKeys) = KeysFor(role);
        if (!roleKeys.KeyIds.Contains(key.KeyId))
            throw new TrustVerificationException(TrustFailureReason.ThresholdNotMet, $"key {key.KeyId} is not a signer of role '{role}'", role);
        CheckDelegatedPath(role, name);
        CheckBin(role, name);
        string path = RepositoryLayout.Role(_dir, role);
        byte[] current = ReadStaged(path);
        var envelope = Envelope.Parse(current, RoleNames.Targets);
        var target = TargetFile.ForBytes(name, content);
        var targetsObj = JsonRead.Object(envelope.Signed, "targets", role);
        bool unchanged = targetsObj[name] is JsonNode existing
            && CanonicalJson.Serialize(existing).AsSpan().SequenceEqual(CanonicalJson.Serialize(target.ToJson()));
        if (unchanged)
        {
            AtomicFile.Write(path, MetadataSigner.AddSignatures(current, [key]));
            return target;
        }
        var signed = (JsonObject)envelope.Signed.DeepClone();
        ((JsonObject)signed["targets"]!)[name] = target.ToJson();
        signed["version"] = envelope.Version > PublishedVersion(role) ? envelope.Version : envelope.Version + 1;
        signed["expires"] = JsonRead.FormatTimestamp(Now + Expiry.Targets);
        AtomicFile.Write(path, MetadataSigner.Sign(signed, [key]));
        return target;
    }

    /// <summary>Adds <paramref name="key"/>'s signature to the staged <paramref name="role"/>; if that version is already
    /// published, signs a new version with the same content (e.g. after the role's keys were rotated).</summary>
    public void SignRole(string role, SigningKey key)
    {
        string path = RepositoryLayout.Role(_dir, role);
        byte[] current = ReadStaged(path);
        var envelope = Envelope.Parse(current, RoleNames.Targets);
        if (envelope.Version > PublishedVersion(role))
        {
            AtomicFile.Write(path, MetadataSigner.AddSignatures(current, [key]));
            return;
        }
        var signed = (JsonObject)envelope.Signed.DeepClone();
        signed["version"] = envelope.Version + 1;
        signed["expires"] = JsonRead.FormatTimestamp(Now + Expiry.Targets);
        AtomicFile.Write(path, MetadataSigner.Sign(signed, [key]));
    }

    /// <summary>Root version N+1 with new keys for <paramref name="role"/>. <paramref name="signers"/> must meet
    /// the threshold of the current root keys and of the new root keys.</summary>
    public long RotateRoot(string role, IReadOnlyList<PublicKey> newKeys, int threshold, IEnumerable<SigningKey> signers)
    {
        var signed = NextRootDocument(role, newKeys, threshold);
        var version = Root.Version + 1;
        WriteRoot(SignRootChecked(signed, signers, Root));
        return version;
    }

    private byte[] SignRootChecked(JsonObject signed, IEnumerable<SigningKey> signers, RootMetadata? previous)
    {
        byte[] bytes = MetadataSigner.Sign(signed, signers);
        var next = RootMetadata.Parse(bytes);
        if (previous is not null) ThresholdVerifier.Verify(next.Envelope, previous.Keys, previous.Role(RoleNames.Root), "root (current keys)");
        ThresholdVerifier.Verify(next.Envelope, next.Keys, next.Role(RoleNames.Root), "root (new keys)");
        return bytes;
    }

    private void WriteRoot(byte[] bytes)
    {
        var root = RootMetadata.Parse(bytes);
        AtomicFile.Write(RepositoryLayout.VersionedRoot(_dir, root.Version), bytes);
        AtomicFile.Write(RepositoryLayout.Role(_dir, RoleNames.Root), bytes);
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private static byte[] ReadStaged(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new TrustVerificationException(TrustFailureReason.LocalState, $"{path}: {e.Message}", inner: e);
        }
    }
}
