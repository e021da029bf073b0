using Hctr.Engine.Images;
using Hctr.Engine.Images.Registry;
using Hctr.Trust;
using Hctr.Trust.Client;
using Hctr.Trust.Images;
using Hctr.Trust.Policies;
using Hctr.Trust.Signatures;

namespace Hctr.Cli.Commands;

/// <summary>Wiring of the trust policy to its verifiers, shared by <c>hctr trust policy check</c> and <c>hctr pull --policy</c>.</summary>
internal static class TrustComposition
{
    public static TrustPolicy LoadPolicy(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrustVerificationException(TrustFailureReason.LocalState, $"trust policy {path}: {e.Message}", inner: e);
        }
        return TrustPolicyParser.Parse(text, path);
    }

    public static string PolicyDirectory(string policyPath) => Path.GetDirectoryName(Path.GetFullPath(policyPath))!;

    /// <summary>A TUF updater for a rule: the rule's root file (relative to the policy) seeds a per-URL metadata cache.</summary>
    public static Updater TufUpdater(TrustRequirement requirement, string policyPath, string cacheDir, HttpClient http)
    {
        string rootFile = Path.Combine(PolicyDirectory(policyPath), requirement.RootFile);
        string key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requirement.MetadataUrl.AbsoluteUri)))[..16];
        var metadata = new FileMetadataStore(Path.Combine(cacheDir, key));
        if (metadata.TryRead("root.json") is null) metadata.Write("root.json", File.ReadAllBytes(rootFile));
        return new Updater(metadata, new HttpMetadataFetcher(http), requirement.MetadataUrl, TimeProvider.System);
    }

    public static HttpClient MetadataHttp() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Runs the rule's verification for <c>policy check</c>. Refusals throw with their reason.</summary>
    public static async Task<Hctr.Trust.Policies.TrustDecision> VerifyAsync(ImageRule rule, ImageReference reference, string policyPath, string cacheDir,
        CancellationToken ct)
    {
        if (rule.Trust is { } tuf)
        {
            using var http = MetadataHttp();
            return TrustPolicy.CheckVerification(rule, await ImageVerifier.VerifyAsync(TufUpdater(tuf, policyPath, cacheDir, http), reference, null, ct));
        }
        var signers = SignerSet.Load(rule.Signatures!, PolicyDirectory(policyPath));
        var location = ImageLocation.Of(reference);
        using var client = new RegistryClient(ImageCommands.RegistryOptions());
        var resolved = await client.ResolveAsync(location, reference.Digest ?? reference.Tag, ct);
        if (reference.Digest is not null && resolved.Digest != reference.Digest)
            throw new TrustVerificationException(TrustFailureReason.HashMismatch, $"{reference} resolves to {resolved.Digest}");
        var verified = await RegistrySignatureVerifier.VerifyAsync(new RegistrySignatureSource(client, location), reference.Name, reference.Tag,
            resolved.Digest, signers, TimeProvider.System, ct);
        return TrustPolicy.CheckSignatures(rule, verified);
    }
}
