using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Validation;
using Hctr.Policy.Yaml;

namespace Hctr.Policy.Loading;

/// <summary>
/// The front end: parse → schema → bind → resolve <c>extends:</c> → defaults → semantic checks → widening
/// check. Every problem in every file of the chain is reported; nothing throws on bad input.
/// </summary>
public static class ProfileLoader
{
    public const int MaxExtendsDepth = 8;

    public static ProfileLoadResult Load(string reference, IProfileSource source)
    {
        var d = new DiagnosticBag();
        var texts = new List<ProfileText>();
        var chain = LoadChain(reference, null, source, d, texts, [], null);
        var digest = ChainDigest(texts.Select(t => t.Text ?? ""));
        if (chain is null || d.HasErrors)
        {
            return new ProfileLoadResult(null, d.ToImmutable(), digest);
        }

        SemanticChecks.Run(chain.Value.Profile, d);
        return new ProfileLoadResult(d.HasErrors ? null : chain.Value.Profile with { SourceDigest = digest }, d.ToImmutable(), digest);
    }

    /// <summary>Loads text already in hand (no extends resolution beyond what <paramref name="source"/> offers).</summary>
    public static ProfileLoadResult LoadText(string name, string text, IProfileSource? source = null) =>
        Load(name, new SingleTextSource(name, text, source));

    private static (ProfileLayer Layer, SecurityProfile Profile)? LoadChain(string reference, string? from, IProfileSource source,
        DiagnosticBag d, List<ProfileText> texts, ImmutableList<string> stack, SourceLocation? referencedAt)
    {
        var pt = source.Read(reference, from);
        if (pt.Text is null)
        {
            d.Error(referencedAt is null ? DiagnosticCodes.FileNotFound : DiagnosticCodes.ExtendsNotFound,
                referencedAt ?? new SourceLocation(pt.Name, 0, 0), $"cannot read profile '{reference}': {pt.Error}");
            return null;
        }

        if (stack.Contains(pt.Name))
        {
            d.Error(DiagnosticCodes.ExtendsCycle, referencedAt ?? SourceLocation.None,
                $"extends cycle: {string.Join(" -> ", stack.Add(pt.Name))}", "extends", "a profile cannot extend itself, directly or indirectly");
            return null;
        }

        if (stack.Count >= MaxExtendsDepth)
        {
            d.Error(DiagnosticCodes.ExtendsTooDeep, referencedAt ?? SourceLocation.None,
                $"extends chain deeper than {MaxExtendsDepth} profiles", "extends", "flatten the chain");
            return null;
        }

        texts.Add(pt);
        var local = new DiagnosticBag();
        var root = YamlLoader.Load(pt.Text, pt.Name, local);
        if (root is not null && !local.HasErrors)
        {
            if (root is YMapping)
            {
                SchemaValidator.Validate(root, local);
            }
            else
            {
                local.Error(DiagnosticCodes.SchemaType, root.Location, "a profile is a mapping (apiVersion, kind, metadata, spec)", null,
                    "start the file with 'apiVersion: hctr.dev/v1'");
            }
        }

        ProfileLayer? layer = null;
        if (root is YMapping map && !local.HasErrors)
        {
            layer = LayerBinder.Bind(map, pt.Name, local);
        }

        d.AddRange(local.ToImmutable());
        if (layer is null || local.HasErrors)
        {
            return null;
        }

        return Resolve(layer, pt.Name, source, d, texts, stack.Add(pt.Name));
    }

    private static (ProfileLayer, SecurityProfile)? Resolve(ProfileLayer layer, string name, IProfileSource source, DiagnosticBag d,
        List<ProfileText> texts, ImmutableList<string> stack)
    {
        if (layer.Extends is not { } ext)
        {
            return (layer, ProfileDefaults.Complete(layer, [name], d));
        }

        var parent = LoadChain(ext.Value, name, source, d, texts, stack, ext.Origin);
        if (parent is null)
        {
            return null;
        }

        var merged = ProfileMerger.Merge(layer, parent.Value.Layer);
        var profile = ProfileDefaults.Complete(merged, [name, .. parent.Value.Profile.Sources], d);
        WideningCheck.Run(profile, parent.Value.Profile, layer, d);
        return (merged, profile);
    }

    /// <summary>
    /// The one profile digest (trust-policy pins, plans): by content only, so it does not depend on where the files
    /// lie or on the working directory. A profile without <c>extends:</c> digests as <c>sha256:</c> + the sha256 of
    /// its UTF-8 text, which is what <c>sha256sum FILE</c> prints; a chain (leaf first, then each base) digests as
    /// the sha256 of <c>hctr-profile-chain/1</c> and one line per file holding the sha256 of its text, so a change
    /// in any base changes the digest of every profile that extends it.
    /// </summary>
    public static string ChainDigest(IEnumerable<string> textsLeafFirst)
    {
        var hashes = textsLeafFirst.Select(t => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(t)))).ToList();
        if (hashes.Count == 1)
        {
            return "sha256:" + hashes[0];
        }

        var chain = "hctr-profile-chain/1\n" + string.Concat(hashes.Select(h => h + "\n"));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(chain)));
    }

    private sealed class SingleTextSource(string name, string text, IProfileSource? inner) : IProfileSource
    {
        public ProfileText Read(string reference, string? from) =>
            from is null && reference == name ? ProfileText.Found(name, text)
            : inner?.Read(reference, from) ?? ProfileText.Missing(reference, "no profile source for extends");
    }
}
