using System.Text.Json.Nodes;
using Hctr.Trust.Crypto;
using Hctr.Trust.IO;
using Hctr.Trust.Json;
using Hctr.Trust.Metadata;

namespace Hctr.Trust.Repository;

public sealed partial class RepositoryDirectory
{
    /// <summary>Delegates <paramref name="paths"/> from <paramref name="delegator"/> to a new (or replaced) role
    /// with its own keys and threshold, re-signing the delegator with <paramref name="delegatorKey"/>.
    /// The new role starts empty; its signers add targets with <see cref="AddTarget"/>.</summary>
    public void Delegate(string delegator, string roleName, IReadOnlyList<PublicKey> keys, int threshold,
        IReadOnlyList<string> paths, bool terminating, SigningKey delegatorKey)
    {
        if (RoleNames.IsTopLevel(roleName) || roleName.Length == 0)
            throw new TrustVerificationException(TrustFailureReason.Malformed, $"'{roleName}' cannot be a delegated role name", roleName);
        if (threshold < 1 || threshold > keys.Count || paths.Count == 0)
            throw new TrustVerificationException(TrustFailureReason.Malformed, "a delegation needs 1 <= threshold <= keys and at least one path", roleName);
        string path = RepositoryLayout.Role(_dir, delegator);
        var envelope = Envelope.Parse(ReadStaged(path), RoleNames.Targets);
        var existing = TargetsMetadata.Parse(ReadStaged(path), delegator).Delegations;
        if (existing?.Succinct is not null)
            throw new TrustVerificationException(TrustFailureReason.Malformed, $"'{delegator}' uses succinct hash bins", delegator);
        var allKeys = new Dictionary<string, PublicKey>(existing?.Keys ?? new Dictionary<string, PublicKey>(), StringComparer.Ordinal);
        foreach (var key in keys) allKeys[key.ComputeKeyId()] = key;
        var role = new DelegatedRole(roleName, new RoleKeys(keys.Select(k => k.ComputeKeyId()).Distinct().ToList(), threshold), terminating, paths, null);
        var roles = (existing?.Roles ?? []).Where(r => r.Name != roleName).Append(role).ToList();

        var signed = (JsonObject)envelope.Signed.DeepClone();
        signed["delegations"] = Delegations.Create(allKeys, roles).ToJson();
        signed["version"] = envelope.Version > PublishedVersion(delegator) ? envelope.Version : envelope.Version + 1;
        signed["expires"] = JsonRead.FormatTimestamp(Now + Expiry.Targets);
        AtomicFile.Write(path, MetadataSigner.Sign(signed, [delegatorKey]));

        string rolePath = RepositoryLayout.Role(_dir, roleName);
        if (!File.Exists(rolePath))
            AtomicFile.Write(rolePath, MetadataSigner.Sign(MetadataDocuments.Targets(1, Now + Expiry.Targets, [], null), []));
    }

    /// <summary>Refuses a target name the role's delegation would not let clients find.</summary>
    private void CheckDelegatedPath(string role, string targetName)
    {
        if (role == RoleNames.Targets) return;
        foreach (var (delegatorName, bytes) in StagedTargetsRoles())
        {
            var delegated = TargetsMetadata.Parse(bytes, delegatorName).Delegations?.Roles?.FirstOrDefault(r => r.Name == role);
            if (delegated is not null && !delegated.IsDelegatedPath(targetName))
            {
                throw new TrustVerificationException(TrustFailureReason.TargetNotFound,
                    $"'{targetName}' is outside the paths delegated to '{role}' ({string.Join(", ", delegated.Paths ?? [])})", role);
            }
        }
    }
}
