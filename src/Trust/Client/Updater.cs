using Hctr.Trust.Metadata;

namespace Hctr.Trust.Client;

/// <summary>
/// The thin I/O shell around <see cref="TrustedMetadataSet"/>: loads local metadata, fetches remote
/// metadata in the order of the TUF client workflow, persists what verified, resolves and downloads targets.
/// </summary>
public sealed class Updater
{
    private readonly IMetadataStore _store;
    private readonly IMetadataFetcher _fetcher;
    private readonly Uri _metadataBaseUrl;
    private readonly UpdaterOptions _options;
    private readonly TrustedMetadataSet _trusted;

    /// <summary>Starts from the trusted <c>root.json</c> in <paramref name="store"/>.</summary>
    public Updater(IMetadataStore store, IMetadataFetcher fetcher, Uri metadataBaseUrl, TimeProvider time, UpdaterOptions? options = null)
    {
        _store = store;
        _fetcher = fetcher;
        _metadataBaseUrl = WithTrailingSlash(metadataBaseUrl);
        _options = options ?? new UpdaterOptions();
        byte[] root = store.TryRead("root.json")
            ?? throw new TrustVerificationException(TrustFailureReason.LocalState, "no trusted root.json in the metadata store", RoleNames.Root);
        _trusted = new TrustedMetadataSet(root, time);
    }

    public TrustedMetadataSet Trusted => _trusted;

    /// <summary>Runs the client workflow: root rotations, timestamp, snapshot, top-level targets.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await LoadRootAsync(cancellationToken).ConfigureAwait(false);
        await LoadTimestampAsync(cancellationToken).ConfigureAwait(false);
        await LoadSnapshotAsync(cancellationToken).ConfigureAwait(false);
        await LoadTargetsAsync(RoleNames.Targets, RoleNames.Root, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pre-order depth-first search of the delegation graph (spec 5.6.7). Returns null when no role
    /// vouches for <paramref name="targetPath"/>. Call after <see cref="RefreshAsync"/>.</summary>
    public async Task<TargetResolution?> GetTargetInfoAsync(string targetPath, CancellationToken cancellationToken = default)
    {
        if (_trusted.TopLevelTargets is null) await RefreshAsync(cancellationToken).ConfigureAwait(false);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Role, string Parent, IReadOnlyList<string> Path)>();
        stack.Push((RoleNames.Targets, RoleNames.Root, [RoleNames.Targets]));
        while (stack.Count > 0 && visited.Count < _options.MaxDelegations)
        {
            var (role, parent, path) = stack.Pop();
            if (!visited.Add(role)) continue;
            var targets = await LoadTargetsAsync(role, parent, cancellationToken).ConfigureAwait(false);
            if (targets.Targets.TryGetValue(targetPath, out var target))
                return new TargetResolution(target, path, _trusted.SignersOf(role));
            if (targets.Delegations is null) continue;
            var children = new List<(string, string, IReadOnlyList<string>)>();
            foreach (var (child, terminating) in targets.Delegations.RolesForTarget(targetPath))
            {
                children.Add((child, role, [.. path, child]));
                if (terminating)
                {
                    // A terminating delegation ends the search below this point: no backtracking.
                    stack.Clear();
                    break;
                }
            }
            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
        if (stack.Count > 0)
            throw new TrustVerificationException(TrustFailureReason.DelegationLimit,
                $"more than {_options.MaxDelegations} delegated roles visited for '{targetPath}'", targetPath);
        return null;
    }

    /// <summary>Fetches a target (capped at its trusted length) and verifies length and hashes.</summary>
    public async Task<byte[]> DownloadTargetAsync(TargetFile target, Uri targetBaseUrl, CancellationToken cancellationToken = default)
    {
        string path = target.Path;
        if (_trusted.Root.ConsistentSnapshot && _options.PrefixTargetsWithHash)
        {
            string hash = target.Hashes.TryGetValue("sha256", out var sha) ? sha : target.Hashes.First().Value;
            int slash = path.LastIndexOf('/');
            path = slash < 0 ? $"{hash}.{path}" : $"{path[..(slash + 1)]}{hash}.{path[(slash + 1)..]}";
        }
        // Escape each segment: image names like "host:5000/app:tag" must not parse as a URI scheme.
        var url = new Uri(WithTrailingSlash(targetBaseUrl).AbsoluteUri + string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));
        byte[] data = await _fetcher.FetchAsync(url, target.Length, cancellationToken).ConfigureAwait(false);
        target.VerifyBytes(data);
        return data;
    }

    private async Task LoadRootAsync(CancellationToken ct)
    {
        var before = _trusted.Root;
        long lower = before.Version + 1;
        for (long version = lower; version < lower + _options.MaxRootRotations; version++)
        {
            byte[] bytes;
            try
            {
                bytes = await FetchAsync($"{version}.root.json", _options.RootMaxLength, ct).ConfigureAwait(false);
            }
            catch (TrustVerificationException e) when (e.Reason == TrustFailureReason.NotFound)
            {
                break;
            }
            _trusted.UpdateRoot(bytes);
            _store.Write("root.json", bytes);
        }
        // 5.3.11: if timestamp or snapshot keys rotated, forget the local copies (fast-forward recovery).
        var after = _trusted.Root;
        bool timestampRotated = !SameKeys(before, after, RoleNames.Timestamp);
        bool snapshotRotated = !SameKeys(before, after, RoleNames.Snapshot);
        if (timestampRotated || snapshotRotated) _store.Delete("timestamp.json");
        if (snapshotRotated) _store.Delete("snapshot.json");
    }

    private async Task LoadTimestampAsync(CancellationToken ct)
    {
        if (_store.TryRead("timestamp.json") is { } local) TryLoadLocal(() => _trusted.UpdateTimestamp(local));
        byte[] bytes = await FetchAsync("timestamp.json", _options.TimestampMaxLength, ct).ConfigureAwait(false);
        if (!_trusted.UpdateTimestamp(bytes)) return; // same version as trusted: keep the local copy
        _store.Write("timestamp.json", bytes);
    }

    private async Task LoadSnapshotAsync(CancellationToken ct)
    {
        if (_store.TryRead("snapshot.json") is { } local && TryLoadLocal(() => _trusted.UpdateSnapshot(local, trustedBytes: true)))
            return;
        var meta = _trusted.Timestamp!.SnapshotMeta;
        string name = _trusted.Root.ConsistentSnapshot ? $"{meta.Version}.snapshot.json" : "snapshot.json";
        byte[] bytes = await FetchAsync(name, meta.Length ?? _options.SnapshotMaxLength, ct).ConfigureAwait(false);
        _trusted.UpdateSnapshot(bytes);
        _store.Write("snapshot.json", bytes);
    }

    private async Task<TargetsMetadata> LoadTargetsAsync(string role, string parent, CancellationToken ct)
    {
        if (_trusted.GetTargets(role) is { } loaded) return loaded;
        string encoded = Uri.EscapeDataString(role);
        string localName = $"{encoded}.json";
        if (_store.TryRead(localName) is { } local && TryLoadLocal(() => _trusted.UpdateDelegatedTargets(local, role, parent)))
            return _trusted.GetTargets(role)!;
        if (!_trusted.Snapshot!.Meta.TryGetValue($"{role}.json", out var meta))
            throw new TrustVerificationException(TrustFailureReason.MissingMetadata, $"snapshot does not list '{role}.json'", role);
        string name = _trusted.Root.ConsistentSnapshot ? $"{meta.Version}.{encoded}.json" : localName;
        byte[] bytes = await FetchAsync(name, meta.Length ?? _options.TargetsMaxLength, ct).ConfigureAwait(false);
        var targets = _trusted.UpdateDelegatedTargets(bytes, role, parent);
        _store.Write(localName, bytes);
        return targets;
    }

    private Task<byte[]> FetchAsync(string fileName, long maxLength, CancellationToken ct) =>
        _fetcher.FetchAsync(new Uri(_metadataBaseUrl.AbsoluteUri + fileName), maxLength, ct);

    /// <summary>Local metadata is only a starting point: if it no longer verifies, fetch fresh.</summary>
    private static bool TryLoadLocal(Action load)
    {
        try
        {
            load();
            return true;
        }
        catch (TrustVerificationException)
        {
            return false;
        }
    }

    private static bool SameKeys(RootMetadata a, RootMetadata b, string role) =>
        a.Role(role).Threshold == b.Role(role).Threshold
        && a.Role(role).KeyIds.OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(b.Role(role).KeyIds.OrderBy(k => k, StringComparer.Ordinal));

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
