using Hctr.Trust.Client;
using Hctr.Trust.Crypto;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;

namespace Hctr.Trust.Tests.Simulator;

/// <summary>
/// An in-memory TUF repository (the python-tuf test model): tests change its state, call
/// <see cref="Publish"/>, and point an <see cref="Updater"/> at it. Serves files by URL path and
/// enforces the fetch cap like the HTTP fetcher does.
/// </summary>
internal sealed class RepositorySimulator : IMetadataFetcher
{
    public static readonly Uri MetadataUrl = new("http://repo.test/metadata/");
    public static readonly Uri TargetsUrl = new("http://repo.test/targets/");
    private static readonly string[] TopLevel = [RoleNames.Root, RoleNames.Timestamp, RoleNames.Snapshot, RoleNames.Targets];

    public RepositorySimulator()
    {
        Time = new FixedTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        foreach (string role in TopLevel)
        {
            var key = SigningKey.Generate(KeyAlgorithm.Ed25519);
            Signers[role] = [key];
            RoleKeys[role] = new RoleKeys([key.KeyId], 1);
            Expires[role] = Time.Now.AddDays(30);
        }
        TargetVersions[RoleNames.Targets] = 1;
        Targets[RoleNames.Targets] = [];
        PublishRoot();
        Publish();
    }

    public FixedTimeProvider Time { get; }
    public bool ConsistentSnapshot { get; set; } = true;
    public Dictionary<string, List<SigningKey>> Signers { get; } = new();
    public Dictionary<string, RoleKeys> RoleKeys { get; } = new();
    /// <summary>Public keys listed in root without a private key in <see cref="Signers"/>.</summary>
    public Dictionary<string, PublicKey> ExtraKeys { get; } = new();
    public Dictionary<string, DateTimeOffset> Expires { get; } = new();
    public long RootVersion { get; set; } = 1;
    public long TimestampVersion { get; set; }
    public long SnapshotVersion { get; set; }
    /// <summary>Version of each targets role (top-level and delegated).</summary>
    public Dictionary<string, long> TargetVersions { get; } = new();
    public Dictionary<string, List<TargetFile>> Targets { get; } = new();
    public Dictionary<string, Delegations> DelegationsOf { get; } = new();
    /// <summary>Signing keys of delegated roles (by role name).</summary>
    public Dictionary<string, List<SigningKey>> DelegatedSigners { get; } = new();
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);
    public List<string> FetchLog { get; } = [];
    /// <summary>Whether timestamp/snapshot meta carry length and hashes.</summary>
    public bool MetaWithHashes { get; set; } = true;

    public byte[] RootBytes(long version) => Files[$"metadata/{version}.root.json"];

    /// <summary>Signs the current root state as <see cref="RootVersion"/> with the root signers plus <paramref name="extraSigners"/>.</summary>
    public byte[] PublishRoot(IEnumerable<SigningKey>? extraSigners = null, IEnumerable<SigningKey>? onlySigners = null)
    {
        var keys = new Dictionary<string, PublicKey>();
        foreach (string role in TopLevel)
            foreach (var signer in Signers[role]) keys[signer.KeyId] = signer.Public;
        foreach (var (id, key) in ExtraKeys) keys[id] = key;
        var signed = MetadataDocuments.Root(RootVersion, Expires[RoleNames.Root], keys,
            TopLevel.ToDictionary(r => r, r => RoleKeys[r]), ConsistentSnapshot);
        var signers = onlySigners ?? Signers[RoleNames.Root].Concat(extraSigners ?? []).DistinctBy(k => k.KeyId);
        byte[] bytes = MetadataSigner.Sign(signed, signers);
        Files[$"metadata/{RootVersion}.root.json"] = bytes;
        Files["metadata/root.json"] = bytes;
        return bytes;
    }

    /// <summary>Rotates root to version N+1 after <paramref name="change"/>, signed by old and new root keys.</summary>
    public void RotateRoot(Action<RepositorySimulator> change)
    {
        var oldSigners = Signers[RoleNames.Root].ToList();
        change(this);
        RootVersion++;
        PublishRoot(extraSigners: oldSigners);
    }

    /// <summary>Re-signs all targets roles, then snapshot and timestamp, bumping snapshot and timestamp versions.</summary>
    public void Publish(bool bumpTargets = false)
    {
        var snapshotMeta = new Dictionary<string, MetaFile>();
        foreach (var (role, version) in TargetVersions.ToList())
        {
            long v = bumpTargets ? version + 1 : version;
            TargetVersions[role] = v;
            byte[] bytes = SignTargets(role, v);
            Files[TargetsFileName(role, v)] = bytes;
            snapshotMeta[$"{role}.json"] = MetaWith(v, bytes);
        }
        SnapshotVersion++;
        byte[] snapshot = MetadataSigner.Sign(
            MetadataDocuments.Snapshot(SnapshotVersion, Expires[RoleNames.Snapshot], snapshotMeta), Signers[RoleNames.Snapshot]);
        Files[ConsistentSnapshot ? $"metadata/{SnapshotVersion}.snapshot.json" : "metadata/snapshot.json"] = snapshot;
        PublishTimestamp(MetaWith(SnapshotVersion, snapshot));
    }

    public void PublishTimestamp(MetaFile snapshotMeta)
    {
        TimestampVersion++;
        Files["metadata/timestamp.json"] = MetadataSigner.Sign(
            MetadataDocuments.Timestamp(TimestampVersion, Expires[RoleNames.Timestamp], snapshotMeta), Signers[RoleNames.Timestamp]);
    }

    public byte[] SignTargets(string role, long version)
    {
        var expires = Expires.GetValueOrDefault(role, Expires[RoleNames.Targets]);
        var signed = MetadataDocuments.Targets(version, expires, Targets.GetValueOrDefault(role) ?? [], DelegationsOf.GetValueOrDefault(role));
        var signers = role == RoleNames.Targets ? Signers[RoleNames.Targets] : DelegatedSigners[role];
        return MetadataSigner.Sign(signed, signers);
    }

    public string TargetsFileName(string role, long version) =>
        ConsistentSnapshot ? $"metadata/{version}.{Uri.EscapeDataString(role)}.json" : $"metadata/{Uri.EscapeDataString(role)}.json";

    /// <summary>Adds a target file to <paramref name="role"/> and serves its content.</summary>
    public TargetFile AddTarget(string role, string path, byte[] content)
    {
        var target = TargetFile.ForBytes(path, content);
        if (!Targets.TryGetValue(role, out var list)) Targets[role] = list = [];
        list.RemoveAll(t => t.Path == path);
        list.Add(target);
        int slash = path.LastIndexOf('/');
        string served = ConsistentSnapshot
            ? (slash < 0 ? $"{target.Hashes["sha256"]}.{path}" : $"{path[..(slash + 1)]}{target.Hashes["sha256"]}.{path[(slash + 1)..]}")
            : path;
        Files["targets/" + served] = content;
        return target;
    }

    public Updater NewClient(InMemoryMetadataStore? store = null, long trustedRootVersion = 1, UpdaterOptions? options = null)
    {
        store ??= new InMemoryMetadataStore();
        if (!store.Files.ContainsKey("root.json")) store.Files["root.json"] = RootBytes(trustedRootVersion);
        return new Updater(store, this, MetadataUrl, Time, options);
    }

    public Task<byte[]> FetchAsync(Uri url, long maxLength, CancellationToken cancellationToken)
    {
        string path = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        FetchLog.Add(path);
        if (!Files.TryGetValue(path, out var data))
            throw new TrustVerificationException(TrustFailureReason.NotFound, $"{path}: 404");
        if (data.Length > maxLength)
            throw new TrustVerificationException(TrustFailureReason.SizeCapExceeded, $"{path}: more than {maxLength} bytes");
        return Task.FromResult(data.ToArray());
    }

    private MetaFile MetaWith(long version, byte[] bytes) =>
        MetaWithHashes ? MetadataDocuments.MetaFor(version, bytes) : new MetaFile(version, null, null);
}
