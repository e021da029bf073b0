using System.CommandLine;
using Hctr.Engine.Images;
using Hctr.Engine.Images.Registry;
using Hctr.Trust.Client;

namespace Hctr.Cli.Commands;

/// <summary>
/// The trust options <c>hctr pull</c> and <c>hctr run IMAGE</c> share, and the one place that turns them into an
/// <see cref="IImageTrust"/>: <c>--policy FILE</c> (trust-policy.yaml: each image pattern's mechanism (tuf, cosign, x509), signers, threshold and the
/// profiles it may run under; default /etc/hctr/trust-policy.yaml when it exists), or <c>--metadata-url</c> + <c>--metadata-dir</c>
/// (TUF only, no profile grants: enough for a pull, refused for a run), or <c>--insecure-skip-verify-unsafe</c>.
/// </summary>
internal sealed class ImageTrustOptions
{
    public const string DefaultPolicy = "/etc/hctr/trust-policy.yaml";

    public Option<string> MetadataUrl { get; } = new("--metadata-url") { Description = "TUF metadata base URL (trust verification)" };

    public Option<string> MetadataDir { get; } = new("--metadata-dir") { Description = "local trusted TUF metadata (holds root.json)" };

    public Option<string> Policy { get; } = new("--policy") { Description = $"trust policy: signers and allowed profiles per image (default {DefaultPolicy} if present)" };

    public Option<bool> SkipUnsafe { get; } = new("--insecure-skip-verify-unsafe") { Description = "UNSAFE: no signature verification, no profile grant check" };

    public IEnumerable<Option> All => [MetadataUrl, MetadataDir, Policy, SkipUnsafe];

    /// <summary>The trust to use, or null with <paramref name="error"/> set (a usage error).</summary>
    public IImageTrust? Build(ParseResult parse, HttpClient http, RegistryClient client, string storeRoot, out string? error)
    {
        error = null;
        if (parse.GetValue(SkipUnsafe))
        {
            return new SkipVerificationUnsafe();
        }

        string? policyPath = parse.GetValue(Policy) ?? (File.Exists(DefaultPolicy) && parse.GetValue(MetadataUrl) is null ? DefaultPolicy : null);
        if (policyPath is not null)
        {
            return new PolicyImageTrust(TrustComposition.LoadPolicy(policyPath), TrustComposition.PolicyDirectory(policyPath), client,
                r => TrustComposition.TufUpdater(r, policyPath, Path.Combine(storeRoot, "trust"), http), TimeProvider.System);
        }

        if (parse.GetValue(MetadataUrl) is { } url && parse.GetValue(MetadataDir) is { } dir)
        {
            return new TufImageTrust(new Updater(new FileMetadataStore(dir), new HttpMetadataFetcher(http), new Uri(url), TimeProvider.System));
        }

        error = "images are verified: give --policy FILE, or --metadata-url and --metadata-dir, or --insecure-skip-verify-unsafe";
        return null;
    }
}
