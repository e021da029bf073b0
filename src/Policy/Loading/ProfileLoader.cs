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
        var digest = Digest(texts);
        if (chain is null || d.HasErrors)
        {
            return new ProfileLoadResult(null, d.ToImmutable(), digest);
        }

        SemanticChecks.Run(chain.Value.Profile, d);
        return new ProfileLoadResult(d.HasErrors ? null : chain.Value.Profile, d.ToImmutable(), digest);
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

    private static string Digest(List<ProfileText> texts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var t in texts)
        {
            var bytes = Encoding.UTF8.GetBytes(t.Text ?? "");
            sha.AppendData(Encoding.UTF8.GetBytes($"{t.Name}\n{bytes.Length}\n"));
            sha.AppendData(bytes);
        }

        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private sealed class SingleTextSource(string name, string text, IProfileSource? inner) : IProfileSource
    {
        public ProfileText Read(string reference, string? from) =>
            from is null && reference == name ? ProfileText.Found(name, text)
            : inner?.Read(reference, from) ?? ProfileText.Missing(reference, "no profile source for extends");
    }
}
